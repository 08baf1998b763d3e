package org.atalaya.spi;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The name and first bytes of a file, what an {@link IncidentImporter} looks at to say whether it
 * recognises the file. Reading a sample never reads more than {@link #DEFAULT_SIZE} bytes, so
 * recognising a file is cheap however large it is. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class FileSample {

  /** How many bytes {@link #of(Path)} reads: enough for a header and a few records. */
  public static final int DEFAULT_SIZE = 16 * 1024;

  private final String fileName;
  private final byte[] head;

  private FileSample(String fileName, byte[] head) {
    this.fileName = fileName;
    this.head = head;
  }

  /**
   * Reads the first {@link #DEFAULT_SIZE} bytes of a file.
   *
   * @param file the file; never null
   * @return the sample; never {@code null}
   * @throws IOException if the file cannot be read
   */
  public static FileSample of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(String.valueOf(file.getFileName()), in.readNBytes(DEFAULT_SIZE));
    }
  }

  /**
   * Makes a sample from bytes already read.
   *
   * @param fileName the file's name (only the name matters, for its extension); never null
   * @param head the first bytes; never null, copied
   * @return the sample; never {@code null}
   */
  public static FileSample of(String fileName, byte[] head) {
    Objects.requireNonNull(fileName, "fileName must not be null");
    Objects.requireNonNull(head, "head must not be null");
    checkArgument(!fileName.isBlank(), "fileName must not be blank");
    return new FileSample(fileName, Arrays.copyOf(head, Math.min(head.length, DEFAULT_SIZE)));
  }

  /**
   * @return the file name, for example {@code denuncias-2024.csv}; never {@code null}
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Returns the extension in lower case without the dot, for example {@code csv}.
   *
   * @return the extension, or {@code ""} if the name has none
   */
  public String extension() {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * @return a copy of the first bytes; never {@code null}
   */
  public byte[] head() {
    return head.clone();
  }

  /**
   * Returns the first bytes as UTF-8 text without a byte-order mark. Bytes that are not UTF-8 (a
   * Windows-1252 file) become replacement characters; ASCII headers still read correctly.
   *
   * @return the text; never {@code null}
   */
  public String text() {
    String s = new String(head, StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /**
   * Returns the first line of {@link #text()}, without its line end.
   *
   * @return the first line; {@code ""} for an empty file
   */
  public String firstLine() {
    String s = text();
    int end = 0;
    while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
      end++;
    }
    return s.substring(0, end);
  }

  @Override
  public String toString() {
    return fileName + " (" + head.length + " bytes sampled)";
  }
}
