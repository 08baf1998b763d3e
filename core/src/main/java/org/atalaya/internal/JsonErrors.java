package org.atalaya.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apiguardian.api.API;

/**
 * Says where a JSON input is malformed. Jackson's own messages end with the input's source, which
 * it hides ("REDACTED") since 2.16; readers that know the file's name add it themselves and take
 * the line, column and reason from here.
 *
 * <p>Internal: not part of the API; use of this class outside Atalaya is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonErrors {
  private JsonErrors() {}

  /**
   * Returns {@code " at line L, column C: reason"} ({@code ": reason"} when Jackson knows no
   * location), to follow a sentence that names the file.
   *
   * @param e the parse error; never null
   * @return the text; never {@code null}
   */
  public static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
        + ": "
        + e.getOriginalMessage();
  }
}
