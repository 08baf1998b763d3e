package org.atalaya.anonymise;

import com.google.common.base.Preconditions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;
import org.atalaya.anonymise.internal.PseudonymText;

/**
 * Keyed pseudonyms: HMAC-SHA256 of a normalised identifier under a key derived for its field.
 *
 * <p>Identifiers are normalised first (Unicode NFKC, blanks trimmed and collapsed, upper case,
 * dashes and spaces removed from digit strings) so that {@code "0801-1990-12345"} and {@code
 * "0801199012345"} get one pseudonym. The same value, field and key always give the same pseudonym;
 * another key gives an unrelated one, so releases made with different keys cannot be linked.
 * Thread-safe: each thread gets its own {@link Mac}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Pseudonyms {
  private final ReleaseKey key;
  private final Map<String, byte[]> fieldKeys = new ConcurrentHashMap<>();
  private final Map<String, String> uniformFields = new ConcurrentHashMap<>();
  private final ThreadLocal<PerThread> perThread = ThreadLocal.withInitial(PerThread::new);

  /**
   * A thread's MACs (one per field; a {@link Mac} is not thread-safe) and its buffers: a release
   * asks for two digests per incident, and fresh arrays for each were a quarter of all it
   * allocated.
   */
  private static final class PerThread {
    final Map<String, Mac> macs = new HashMap<>();
    final byte[] digest = new byte[32];
    byte[] message = new byte[64];
  }

  private Pseudonyms(ReleaseKey key) {
    this.key = key;
  }

  /**
   * Returns the pseudonymiser of a key.
   *
   * @param key the release key; never null
   * @return the pseudonymiser
   */
  public static Pseudonyms of(ReleaseKey key) {
    return new Pseudonyms(Objects.requireNonNull(key, "key must not be null"));
  }

  /**
   * Returns the key id of the underlying key.
   *
   * @return the id; never {@code null}
   */
  public String keyId() {
    return key.keyId();
  }

  /**
   * Returns the pseudonym of {@code value} in {@code field}: {@code P-} and 26 base-32 characters
   * (128 bits).
   *
   * @param field the field, for example {@code "id"}; never null
   * @param value the identifier; never null
   * @return the pseudonym; never {@code null}
   */
  public String pseudonym(String field, String value) {
    byte[] h = digest(perThread.get(), field, normalise(value));
    return PseudonymText.of(bits(h, 0), bits(h, 8));
  }

  /**
   * Writes the 128 bits that {@link #pseudonym} shows of {@code value} in {@code field} to {@code
   * into[at]} (high) and {@code into[at + 1]} (low): a release keeps a million of them in one array
   * and writes the text ({@link PseudonymText#of}) only when a record is read.
   */
  void pseudonymBits(String field, String value, long[] into, int at) {
    byte[] h = digest(perThread.get(), field, normalise(value));
    into[at] = bits(h, 0);
    into[at + 1] = bits(h, 8);
  }

  /** Returns the 8 bytes of {@code h} from {@code at}, big-endian. */
  private static long bits(byte[] h, int at) {
    long bits = 0;
    for (int b = 0; b < 8; b++) {
      bits = (bits << 8) | (h[at + b] & 0xFF);
    }
    return bits;
  }

  /**
   * Returns {@code n} numbers in [0, 1) derived from the keyed digest of {@code value} for {@code
   * purpose}: stable per value and key, so a geomask drawn from them is the same in every release
   * and repeated releases cannot be averaged back to the true point.
   *
   * @param purpose what the numbers are for, for example {@code "donut"}; never null
   * @param value the identifier, usually the incident id; never null
   * @param n how many numbers, 1 to 4
   * @return the numbers; a fresh array
   */
  public double[] uniforms(String purpose, String value, int n) {
    Preconditions.checkArgument(n >= 1 && n <= 4, "n (%s) must be from 1 to 4", n);
    byte[] h =
        digest(perThread.get(), uniformFields.computeIfAbsent(purpose, u -> "uniform:" + u), value);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = (bits(h, 8 * i) >>> 11) * 0x1.0p-53;
    }
    return out;
  }

  /**
   * Returns an identifier in canonical form: NFKC, trimmed, blanks collapsed, upper case; when what
   * remains is digits with dashes, spaces or dots, those separators are removed.
   *
   * @param value the identifier; never null
   * @return the canonical form
   */
  public static String normalise(String value) {
    if (isPlainAscii(value)) {
      // The common case (system ids such as SYN-0801-2024-000001): no Unicode work needed.
      // Checked without a regex: a matcher per id was a million objects per release.
      String u = value.toUpperCase(Locale.ROOT);
      return isDigitString(u) ? withoutSeparators(u) : u;
    }
    String s =
        Normalizer.normalize(
                Objects.requireNonNull(value, "value must not be null"), Normalizer.Form.NFKC)
            .strip();
    s = BLANKS.matcher(s).replaceAll(" ").toUpperCase(Locale.ROOT);
    if (DIGIT_STRING.matcher(s).matches()) {
      s = SEPARATORS.matcher(s).replaceAll("");
    }
    return s;
  }

  private static boolean isPlainAscii(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c >= 127) {
        return false;
      }
    }
    return !v.isEmpty();
  }

  /** Whether {@code v} matches {@link #DIGIT_STRING}, for text without blanks. */
  private static boolean isDigitString(String v) {
    int n = v.length();
    if (n < 2 || !isAsciiDigit(v.charAt(0)) || !isAsciiDigit(v.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = v.charAt(i);
      if (!isAsciiDigit(c) && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code v} without the dots and dashes that {@link #SEPARATORS} removes (it has no blanks). */
  private static String withoutSeparators(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c != '.' && c != '-') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Pattern DIGIT_STRING = Pattern.compile("[0-9][0-9 .\\-]*[0-9]");
  private static final Pattern SEPARATORS = Pattern.compile("[ .\\-]");

  /**
   * Returns the HMAC of {@code message} (UTF-8) under {@code field}'s key, in the thread's buffer.
   */
  private byte[] digest(PerThread t, String field, String message) {
    // Looked up before creating anything: a lambda per call is a million objects per release.
    Mac mac = t.macs.get(field);
    if (mac == null) {
      mac = newMac(fieldKeys.computeIfAbsent(field, key::derive));
      t.macs.put(field, mac);
    }
    int n = asciiInto(t, message);
    if (n >= 0) {
      mac.update(t.message, 0, n);
    } else {
      mac.update(message.getBytes(StandardCharsets.UTF_8));
    }
    try {
      mac.doFinal(t.digest, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("an HMAC-SHA256 digest is 32 bytes", e);
    }
    return t.digest;
  }

  /**
   * Writes {@code s} into the thread's message buffer when it is ASCII (its UTF-8 bytes are its
   * chars) and returns its length; returns -1 otherwise.
   */
  private static int asciiInto(PerThread t, String s) {
    int n = s.length();
    if (n > t.message.length) {
      if (n > 4096) {
        return -1;
      }
      t.message = new byte[Math.max(n, 2 * t.message.length)];
    }
    byte[] m = t.message;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 128) {
        return -1;
      }
      m[i] = (byte) c;
    }
    return n;
  }

  private static Mac newMac(byte[] k) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(k, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Returns {@code Pseudonyms[k-...]}. */
  @Override
  public String toString() {
    return "Pseudonyms[" + key.keyId() + "]";
  }
}
