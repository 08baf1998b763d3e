package org.atalaya.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a CSV file is laid out: delimiter, character set, decimal separator, formula protection and
 * the column mapping.
 *
 * <p>When reading, an absent delimiter or character set is detected: the delimiter from the header
 * line ({@code ,}, {@code ;} or tab, whichever occurs most outside quotes), the character set from
 * the first 64 KiB (UTF-8, with or without a byte-order mark, else Windows-1252, which is what
 * Spanish-language Excel writes when it does not write UTF-8). Numbers are accepted with a decimal
 * point or a decimal comma either way.
 *
 * <p><b>Formula protection.</b> A cell that begins with {@code =}, {@code +}, {@code -}, {@code @},
 * tab or carriage return can be run as a formula by a spreadsheet (CSV injection). With protection
 * on, the writer prefixes such text cells with an apostrophe (which spreadsheets hide and treat as
 * "this is text"); coordinates and other numeric columns are never prefixed, so negative longitudes
 * stay numbers. The reader removes exactly one apostrophe from cells that the writer would have
 * prefixed, so round trips are exact. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class CsvLayout {
  private final Character delimiter;
  private final Charset charset;
  private final boolean byteOrderMark;
  private final boolean decimalComma;
  private final boolean protectFormulas;
  private final CsvMapping mapping;

  private CsvLayout(
      Character delimiter,
      Charset charset,
      boolean byteOrderMark,
      boolean decimalComma,
      boolean protectFormulas,
      CsvMapping mapping) {
    this.delimiter = delimiter;
    this.charset = charset;
    this.byteOrderMark = byteOrderMark;
    this.decimalComma = decimalComma;
    this.protectFormulas = protectFormulas;
    this.mapping = mapping;
  }

  /**
   * Returns the reading default: delimiter and character set detected, canonical columns, formula
   * protection undone. When writing it behaves as {@link #canonical()}.
   *
   * @return the layout
   */
  public static CsvLayout detect() {
    return new CsvLayout(null, null, false, false, true, null);
  }

  /**
   * Returns the canonical layout: comma, UTF-8 without byte-order mark, decimal point, formula
   * protection on, canonical columns.
   *
   * @return the layout
   */
  public static CsvLayout canonical() {
    return new CsvLayout(',', StandardCharsets.UTF_8, false, false, true, null);
  }

  /**
   * Returns the layout that Spanish-language Excel opens correctly by double-click: semicolon,
   * UTF-8 with byte-order mark, decimal comma, formula protection on, canonical columns.
   *
   * @return the layout
   */
  public static CsvLayout spanishExcel() {
    return new CsvLayout(';', StandardCharsets.UTF_8, true, true, true, null);
  }

  /**
   * Returns this layout with another delimiter.
   *
   * @param d the delimiter, for example {@code ';'}
   * @return a new layout
   */
  public CsvLayout withDelimiter(char d) {
    return new CsvLayout(d, charset, byteOrderMark, decimalComma, protectFormulas, mapping);
  }

  /**
   * Returns this layout with a fixed character set (reading only; writers always write UTF-8).
   *
   * @param cs the character set, for example {@code windows-1252}
   * @return a new layout
   */
  public CsvLayout withCharset(Charset cs) {
    return new CsvLayout(delimiter, cs, byteOrderMark, decimalComma, protectFormulas, mapping);
  }

  /**
   * Returns this layout with formula protection on or off.
   *
   * @param on whether to protect
   * @return a new layout
   */
  public CsvLayout withFormulaProtection(boolean on) {
    return new CsvLayout(delimiter, charset, byteOrderMark, decimalComma, on, mapping);
  }

  /**
   * Returns this layout reading columns through {@code m} instead of the canonical names.
   *
   * @param m the mapping; never null
   * @return a new layout
   */
  public CsvLayout withMapping(CsvMapping m) {
    Objects.requireNonNull(m, "mapping must not be null");
    Character d = delimiter == null ? m.delimiter().orElse(null) : delimiter;
    Charset cs = charset == null ? m.charset().orElse(null) : charset;
    return new CsvLayout(d, cs, byteOrderMark, decimalComma, protectFormulas, m);
  }

  /**
   * Returns the delimiter, or empty when it is to be detected.
   *
   * @return the delimiter; never {@code null} but potentially empty
   */
  public Optional<Character> delimiter() {
    return Optional.ofNullable(delimiter);
  }

  /**
   * Returns the character set, or empty when it is to be detected.
   *
   * @return the character set; never {@code null} but potentially empty
   */
  public Optional<Charset> charset() {
    return Optional.ofNullable(charset);
  }

  /**
   * Returns whether writers start the file with a UTF-8 byte-order mark.
   *
   * @return true to write the mark
   */
  public boolean byteOrderMark() {
    return byteOrderMark;
  }

  /**
   * Returns whether writers write numbers with a decimal comma.
   *
   * @return true for {@code 14,0818}
   */
  public boolean decimalComma() {
    return decimalComma;
  }

  /**
   * Returns whether formula protection is on (see the class comment).
   *
   * @return true if on
   */
  public boolean protectFormulas() {
    return protectFormulas;
  }

  /**
   * Returns the column mapping, or empty for the canonical columns.
   *
   * @return the mapping; never {@code null} but potentially empty
   */
  public Optional<CsvMapping> mapping() {
    return Optional.ofNullable(mapping);
  }
}
