package org.atalaya.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads canonical or mapped CSV (see {@link CsvLayout} and {@link CsvMapping}): detects the
 * character set and delimiter, tokenises on a background thread ({@link CsvRowSource}) and decodes
 * each row through {@link CsvColumns}. Stateless and thread-safe.
 */
final class CsvIncidentReader implements IncidentReader {
  @Override
  public ReadReport read(InputStream input, ReadOptions options, IncidentHandler handler)
      throws IOException {
    CsvLayout layout = options.csvLayout();
    String file = options.sourceName();
    BufferedInputStream in = new BufferedInputStream(input, CsvIo.SAMPLE);
    in.mark(CsvIo.SAMPLE + 4);
    byte[] sample = in.readNBytes(CsvIo.SAMPLE);
    in.reset();
    boolean bom =
        sample.length >= 3
            && (sample[0] & 0xFF) == 0xEF
            && (sample[1] & 0xFF) == 0xBB
            && (sample[2] & 0xFF) == 0xBF;
    if (bom) {
      in.skipNBytes(3);
    }
    Charset charset =
        layout
            .charset()
            .orElseGet(
                () ->
                    bom || CsvIo.isUtf8(sample)
                        ? StandardCharsets.UTF_8
                        : Charset.forName("windows-1252"));
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    char delimiter =
        layout
            .delimiter()
            .orElseGet(
                () ->
                    CsvIo.detectDelimiter(
                        new String(sample, bom ? 3 : 0, sample.length - (bom ? 3 : 0), charset)));
    CsvSchema schema =
        CsvSchema.emptySchema()
            .withColumnSeparator(delimiter)
            .withQuoteChar('"')
            .withoutEscapeChar();
    ReadContext ctx = new ReadContext(options, handler);
    long row = 0;
    Reader reader = new InputStreamReader(JsonIo.nonClosing(in), decoder);
    try (CsvParser p = CsvIo.FACTORY.createParser(reader);
        CsvRowSource rows = new CsvRowSource(configure(p, schema), file)) {
      List<String> header = rows.next();
      if (header == null) {
        throw IncidentReadException.unreadable("csvEmpty", null, file);
      }
      CsvColumns columns = new CsvColumns(header, layout.mapping().orElse(null), file);
      Function<CanonicalField, String> names = columns::header;
      RawRow raw = new RawRow(delimiter);
      List<String> cells;
      while ((cells = rows.next()) != null) {
        row++;
        if (cells.size() > columns.headers.size()) {
          ctx.reject(
              row,
              CsvIo.encode(cells, delimiter),
              List.of(
                  new Problem(
                      file,
                      row,
                      "",
                      String.valueOf(cells.size()),
                      ProblemCode.MALFORMED_RECORD,
                      "the row has "
                          + cells.size()
                          + " cells but the header has "
                          + columns.headers.size())));
          continue;
        }
        RecordDecoder d = new RecordDecoder(new FieldDecoder(file, row), names);
        columns.fill(cells, d, layout.protectFormulas());
        raw.cells = cells;
        ctx.complete(d, raw);
      }
    } catch (CharacterCodingException e) {
      throw IncidentReadException.unreadable("csvCharset", e, file, row, charset.name());
    } catch (JsonProcessingException e) {
      throw IncidentReadException.unreadable("csvBroken", e, file, row, e.getOriginalMessage());
    }
    return ctx.report();
  }

  /**
   * The current row as text, built only if the row is rejected. One instance serves the whole read
   * (a lambda per row showed up in the allocation profile); it is used synchronously.
   */
  private static final class RawRow implements Supplier<String> {
    private final char delimiter;
    private List<String> cells;

    RawRow(char delimiter) {
      this.delimiter = delimiter;
    }

    @Override
    public String get() {
      return CsvIo.encode(cells, delimiter);
    }
  }

  private static CsvParser configure(CsvParser p, CsvSchema schema) {
    p.setSchema(schema);
    p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    return p;
  }
}
