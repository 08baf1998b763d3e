package org.atalaya.testkit;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.spi.IncidentImporter;

/**
 * An importer with a small file in its format, for {@link IncidentImporterContract}: a real sample
 * as the source writes it, with how many records it holds.
 *
 * @param importer the importer under test
 * @param fileName the sample's file name (its extension matters for recognition)
 * @param content the sample's bytes
 * @param records how many records the sample holds
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ImporterSample(
    IncidentImporter importer, String fileName, byte[] content, long records) {

  /** Validates the sample. */
  public ImporterSample {
    Objects.requireNonNull(importer, "importer must not be null");
    Objects.requireNonNull(fileName, "fileName must not be null");
    content = Objects.requireNonNull(content, "content must not be null").clone();
    checkArgument(records > 0, "the sample must hold at least one record, not %s", records);
  }

  /**
   * Makes a sample from UTF-8 text.
   *
   * @param importer the importer under test
   * @param fileName the sample's file name
   * @param text the sample's text
   * @param records how many records it holds
   * @return the sample; never {@code null}
   */
  public static ImporterSample of(
      IncidentImporter importer, String fileName, String text, long records) {
    return new ImporterSample(importer, fileName, text.getBytes(StandardCharsets.UTF_8), records);
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
