package org.atalaya.spi;

import org.apiguardian.api.API;

/**
 * The extension points of atalaya-core. Their names are the capabilities a plugin declares in its
 * descriptor. Other modules add their own: atalaya-geo defines {@code geofence-listener}.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ExtensionPoints {

  /** Incident importers: read a format Atalaya does not know. */
  public static final ExtensionPoint<IncidentImporter> IMPORTER =
      ExtensionPoint.of("importer", IncidentImporter.class);

  /** Incident exporters: write a format Atalaya does not know. */
  public static final ExtensionPoint<IncidentExporter> EXPORTER =
      ExtensionPoint.of("exporter", IncidentExporter.class);

  /** Taxonomy mappings: local crime names mapped to ICCS categories. */
  public static final ExtensionPoint<TaxonomyMapping> TAXONOMY =
      ExtensionPoint.of("taxonomy", TaxonomyMapping.class);

  /** Indicators computed from incidents. */
  public static final ExtensionPoint<IncidentIndicator> INDICATOR =
      ExtensionPoint.of("indicator", IncidentIndicator.class);

  /** Anonymisation step types for release policies. */
  public static final ExtensionPoint<ReleaseStepProvider> ANONYMISATION_STEP =
      ExtensionPoint.of("anonymisation-step", ReleaseStepProvider.class);

  private ExtensionPoints() {}
}
