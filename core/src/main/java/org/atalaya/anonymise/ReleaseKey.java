package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.io.BaseEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * The secret of a release: the master key from which one HMAC-SHA256 key per field is derived for
 * pseudonyms and stable geomasks.
 *
 * <p>The key is read from an environment variable or a file, never from a policy or the command
 * line (both end up in shell histories and reports). It is never logged: {@link #toString()} and
 * the privacy report show only the {@link #keyId() key id}, a short HMAC of a fixed label, which
 * tells two keys apart without revealing either. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReleaseKey {

  /** Shortest accepted key, in bytes: a shorter secret can be guessed by brute force. */
  public static final int MIN_BYTES = 32;

  private final byte[] secret;
  private final String keyId;

  private ReleaseKey(byte[] secret) {
    if (secret.length < MIN_BYTES) {
      throw new AnonymisationException(AnonymiseCode.KEY_TOO_SHORT, secret.length);
    }
    this.secret = secret.clone();
    this.keyId =
        "k-" + BaseEncoding.base16().lowerCase().encode(hmac(this.secret, "atalaya-key-id"), 0, 6);
  }

  /**
   * Returns a key from raw bytes (for tests and for callers that manage their own secrets).
   *
   * @param secret at least {@value #MIN_BYTES} bytes; copied
   * @return the key
   * @throws AnonymisationException ({@link AnonymiseCode#KEY_TOO_SHORT}) if too short
   */
  public static ReleaseKey of(byte[] secret) {
    return new ReleaseKey(Objects.requireNonNull(secret, "secret must not be null"));
  }

  /**
   * Reads the key from the environment variable {@code name} (its UTF-8 bytes, surrounding blanks
   * removed).
   *
   * @param name the variable's name; never null or blank
   * @return the key
   * @throws AnonymisationException ({@link AnonymiseCode#KEY_MISSING}) if the variable is unset or
   *     blank, or ({@link AnonymiseCode#KEY_TOO_SHORT}) if too short
   */
  public static ReleaseKey fromEnvironment(String name) {
    return fromEnvironment(name, System.getenv());
  }

  static ReleaseKey fromEnvironment(String name, Map<String, String> environment) {
    checkArgument(
        name != null && !name.isBlank(), "environment variable name (%s) must not be blank", name);
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw new AnonymisationException(
          AnonymiseCode.KEY_MISSING, AnonymiseCode.detail("detail.keyEnvUnset", name));
    }
    return new ReleaseKey(value.strip().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads the key from a file (its bytes, surrounding blanks and line breaks removed when the file
   * is text).
   *
   * @param file the file; never null
   * @return the key
   * @throws AnonymisationException ({@link AnonymiseCode#KEY_MISSING}) if the file cannot be read
   */
  public static ReleaseKey fromFile(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).strip();
      return new ReleaseKey(text.getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      // The exception's message names the file, never its content.
      throw new AnonymisationException(
          AnonymiseCode.KEY_MISSING, AnonymiseCode.detail("detail.keyFileUnreadable", file));
    }
  }

  /**
   * Returns the key id: {@code k-} and twelve hex digits, safe to publish.
   *
   * @return the id; never {@code null}
   */
  public String keyId() {
    return keyId;
  }

  /**
   * Returns the key derived for one field, so that a pseudonym of one field cannot be matched to
   * the same value in another.
   *
   * @param field the field's name, for example {@code "id"}; never null
   * @return 32 bytes; a fresh copy
   */
  byte[] derive(String field) {
    return hmac(secret, "atalaya-field:" + Objects.requireNonNull(field, "field must not be null"));
  }

  static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Returns {@code ReleaseKey[k-...]}: the id only, never the secret. */
  @Override
  public String toString() {
    return "ReleaseKey[" + keyId + "]";
  }
}
