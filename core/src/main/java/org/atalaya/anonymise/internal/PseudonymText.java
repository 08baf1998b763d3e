package org.atalaya.anonymise.internal;

import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * The text form of a keyed pseudonym's 128 bits, shared by {@code Pseudonyms} and the published
 * list that keeps only the bits. Internal: use outside Atalaya is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PseudonymText {
  private PseudonymText() {}

  private static final byte[] BASE32 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".getBytes(StandardCharsets.US_ASCII);

  /**
   * Returns {@code P-} and the 128 bits {@code high}, {@code low} in base 32 (RFC 4648 alphabet, no
   * padding): 25 characters of 5 bits and a 26th of the last 3 bits and two zeros. Written out by
   * hand, as it runs once per released incident.
   *
   * @param high the first 64 bits
   * @param low the last 64 bits
   * @return the pseudonym; never {@code null}
   */
  public static String of(long high, long low) {
    byte[] out = new byte[28];
    out[0] = 'P';
    out[1] = '-';
    for (int c = 0; c < 26; c++) {
      // Character c holds bits 5c to 5c + 4, counted from the most significant bit of high.
      int start = 5 * c;
      long v;
      if (start <= 59) {
        v = high >>> (59 - start);
      } else if (start < 64) {
        v = (high << (start - 59)) | (low >>> (123 - start));
      } else if (start <= 123) {
        v = low >>> (123 - start);
      } else {
        v = low << (start - 123);
      }
      out[2 + c] = BASE32[(int) v & 31];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }
}
