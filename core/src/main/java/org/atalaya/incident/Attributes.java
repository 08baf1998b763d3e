package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Source fields that the model does not name, kept as text under namespaced keys ({@code
 * "sepol:tipo_arma"}, {@code "src:BARRIO"}) so that importing and exporting loses nothing.
 *
 * <p>A key is {@code namespace:name}: the namespace is lower-case letters, digits, {@code .},
 * {@code _} or {@code -}; the name is any text without line breaks. Keys are ordered, so output is
 * stable. Immutable and thread-safe.
 *
 * @param values the attributes; never {@code null}, copied
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Attributes(Map<String, String> values) {

  /** No attributes. */
  public static final Attributes EMPTY = new Attributes(Map.of());

  /**
   * Validates the keys.
   *
   * @throws IllegalArgumentException if a key is not {@code namespace:name}
   */
  public Attributes {
    Objects.requireNonNull(values, "values must not be null");
    values.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "attribute key must not be null");
          Objects.requireNonNull(v, () -> "attribute " + k + " must not have a null value");
          checkArgument(
              isValidKey(k),
              "attribute key (%s) must be namespace:name, for example src:BARRIO",
              k);
        });
    values = ImmutableSortedMap.copyOf(values);
  }

  /**
   * Returns whether {@code key} is a valid attribute key.
   *
   * @param key the key; may be null (false)
   * @return true if it is {@code namespace:name}
   */
  public static boolean isValidKey(String key) {
    if (key == null) {
      return false;
    }
    int colon = key.indexOf(':');
    if (colon < 1 || colon == key.length() - 1) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = key.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!(alnum || (i > 0 && (c == '.' || c == '_' || c == '-')))) {
        return false;
      }
    }
    for (int i = colon + 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\r' || c == '\n') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the value under {@code key}.
   *
   * @param key the key
   * @return the value; never {@code null} but potentially empty
   */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * Returns these attributes with {@code key} set to {@code value}.
   *
   * @param key a namespaced key
   * @param value the value; never null
   * @return new attributes
   */
  public Attributes with(String key, String value) {
    TreeMap<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new Attributes(copy);
  }

  /**
   * Returns whether there are no attributes.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }
}
