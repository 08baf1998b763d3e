package org.atalaya.geo.crs;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The coordinate reference systems Atalaya transforms between, each with its EPSG code and the proj
 * string it is built from (the EPSG database itself is not shipped: proj4j-epsg carries the EPSG
 * terms of use).
 *
 * <p>Axis order is always x first: longitude then latitude (degrees) for {@link #WGS84}, easting
 * then northing (metres) for the projected systems. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Crs {
  /** EPSG:4326, WGS 84 geographic coordinates in degrees (x = longitude, y = latitude). */
  WGS84(4326, "+proj=longlat +datum=WGS84 +no_defs"),
  /** EPSG:3857, the spherical "web Mercator" of web maps, in metres; not for measuring. */
  WEB_MERCATOR(
      3857,
      "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m"
          + " +nadgrids=@null +wktext +no_defs"),
  /** EPSG:32616, UTM zone 16 north on WGS 84 (most of Honduras, Guatemala, El Salvador). */
  UTM_16N(32616, "+proj=utm +zone=16 +datum=WGS84 +units=m +no_defs"),
  /** EPSG:32617, UTM zone 17 north on WGS 84 (eastern Honduras, Nicaragua, Costa Rica). */
  UTM_17N(32617, "+proj=utm +zone=17 +datum=WGS84 +units=m +no_defs");

  private final int epsg;
  private final String proj;

  Crs(int epsg, String proj) {
    this.epsg = epsg;
    this.proj = proj;
  }

  /**
   * Returns the EPSG code, for example 32616.
   *
   * @return the code
   */
  public int epsg() {
    return epsg;
  }

  /**
   * Returns the proj string this system is built from.
   *
   * @return the proj string; never {@code null}
   */
  public String projString() {
    return proj;
  }

  /**
   * Finds a system by EPSG code.
   *
   * @param epsg the code, for example 4326
   * @return the system, or empty if Atalaya does not ship it
   */
  public static Optional<Crs> fromEpsg(int epsg) {
    for (Crs crs : values()) {
      if (crs.epsg == epsg) {
        return Optional.of(crs);
      }
    }
    return Optional.empty();
  }
}
