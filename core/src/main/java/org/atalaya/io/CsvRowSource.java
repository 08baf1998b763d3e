package org.atalaya.io;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Splits a CSV file into rows of cells on a background thread, in batches, while the reading thread
 * decodes and validates the rows before. Tokenising and decoding each take about half of an import,
 * so on two or more cores this pipeline reads a file in roughly the time of the slower half. Rows
 * come out in file order; a failure of the tokeniser (bad bytes, an unclosed quote) is rethrown by
 * {@link #next()} at the point in the file where it happened. {@link #close()} stops the background
 * thread and waits for it, so the input is never read after the call returns. Not thread-safe: one
 * consumer.
 */
final class CsvRowSource implements AutoCloseable {
  private static final int BATCH = 256;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
  private final Thread producer;
  private volatile boolean stopped;
  private List<List<String>> batch = List.of();
  private int position;
  private boolean ended;

  CsvRowSource(CsvParser parser, String name) {
    producer = new Thread(() -> produce(parser), "atalaya-csv-tokeniser " + name);
    producer.setDaemon(true);
    producer.start();
  }

  private void produce(CsvParser p) {
    Object last = END;
    List<List<String>> rows = new ArrayList<>(BATCH);
    try {
      JsonToken t;
      while (!stopped && (t = p.nextToken()) != null) {
        if (t != JsonToken.START_ARRAY) {
          continue;
        }
        List<String> cells = new ArrayList<>(32);
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
          cells.add(p.getText());
        }
        rows.add(cells);
        if (rows.size() == BATCH) {
          queue.put(rows);
          rows = new ArrayList<>(BATCH);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // stopped by close(); nobody is waiting for more rows
    } catch (IOException | RuntimeException | Error e) {
      last = e;
    }
    try {
      // The rows before a failure are good rows: hand them over before the failure itself.
      if (!rows.isEmpty()) {
        queue.put(rows);
      }
      queue.put(last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Returns the next row's cells, or null at the end of the file.
   *
   * @throws IOException as the tokeniser threw it (for example a {@link
   *     java.nio.charset.CharacterCodingException} or a Jackson parse exception)
   */
  @SuppressWarnings("unchecked")
  List<String> next() throws IOException {
    while (position == batch.size()) {
      if (ended) {
        return null;
      }
      Object o;
      try {
        o = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading CSV rows");
      }
      if (o == END) {
        ended = true;
        return null;
      } else if (o instanceof IOException e) {
        ended = true;
        throw e;
      } else if (o instanceof RuntimeException e) {
        ended = true;
        throw e;
      } else if (o instanceof Error e) {
        ended = true;
        throw e;
      }
      batch = (List<List<String>>) o;
      position = 0;
    }
    return batch.get(position++);
  }

  @Override
  public void close() {
    stopped = true;
    producer.interrupt();
    queue.clear();
    boolean interrupted = false;
    while (producer.isAlive()) {
      try {
        producer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
      queue.clear();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
