package org.atalaya.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Reads incidents from one format, streaming: records are handed to an {@link IncidentHandler} one
 * by one, so memory does not grow with the number of records (only with the number of problems and,
 * when duplicates are checked, of ids).
 *
 * <p>Every record read ends either accepted or rejected, and the returned {@link ReadReport} says
 * how many of each: {@code accepted + rejected == read}. Problems in one record never stop the
 * read; only an input that is unreadable as a whole throws {@link IncidentReadException}. A reader
 * is stateless and may be shared between threads; each call to {@code read} is independent.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface IncidentReader {

  /**
   * Reads every record of {@code in} and hands it to {@code handler}. Does not close {@code in}.
   *
   * @param in the bytes of the input; never null
   * @param options how to read; never null
   * @param handler receives accepted incidents and rejections; never null
   * @return the counts and problems; never {@code null}
   * @throws IncidentReadException if the input as a whole is not in this format
   * @throws IOException if reading fails or the handler throws
   */
  ReadReport read(InputStream in, ReadOptions options, IncidentHandler handler) throws IOException;

  /**
   * Reads a file. Problems name the file by its file name unless {@code options} names it.
   *
   * @param file the file; never null
   * @param options how to read; never null
   * @param handler receives accepted incidents and rejections; never null
   * @return the counts and problems
   * @throws IOException as {@link #read(InputStream, ReadOptions, IncidentHandler)}
   */
  default ReadReport read(Path file, ReadOptions options, IncidentHandler handler)
      throws IOException {
    ReadOptions named =
        options.sourceName().equals(ReadOptions.DEFAULT_SOURCE_NAME)
            ? options.toBuilder().sourceName(String.valueOf(file.getFileName())).build()
            : options;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(in, named, handler);
    }
  }

  /**
   * Reads a whole file into memory: a convenience for small inputs and tests.
   *
   * @param file the file; never null
   * @param options how to read; never null
   * @return the accepted incidents, the rejections and the report
   * @throws IOException as {@link #read(InputStream, ReadOptions, IncidentHandler)}
   */
  default ReadResult readAll(Path file, ReadOptions options) throws IOException {
    ReadCollector all = new ReadCollector();
    return all.result(read(file, options, all));
  }

  /**
   * Reads a whole stream into memory: a convenience for small inputs and tests.
   *
   * @param in the input; never null
   * @param options how to read; never null
   * @return the accepted incidents, the rejections and the report
   * @throws IOException as {@link #read(InputStream, ReadOptions, IncidentHandler)}
   */
  default ReadResult readAll(InputStream in, ReadOptions options) throws IOException {
    ReadCollector all = new ReadCollector();
    return all.result(read(in, options, all));
  }
}
