package org.atalaya.examples.denuncias;

import org.atalaya.spi.TaxonomyMapping;
import org.atalaya.taxonomy.IccsCode;
import org.atalaya.taxonomy.Taxonomy;

/** The words the network's members write in "Tipo de hecho", mapped to ICCS categories. */
public final class DenunciasTaxonomy implements TaxonomyMapping {

  @Override
  public String id() {
    return "denuncias-terminos";
  }

  @Override
  public void contribute(Taxonomy.Builder taxonomy) {
    // Robbery on public transport is the most reported crime in the network's data.
    taxonomy.map(
        "asalto a bus", IccsCode.of("0401"), "Robbery on a bus or taxi, usually at gunpoint.");
    taxonomy.map("asalto en bus", IccsCode.of("0401"));
    // "Renta" and "impuesto de guerra" are the gangs' names for the extortion of businesses and
    // transport.
    taxonomy.map("cobro de renta", IccsCode.of("02051"));
    taxonomy.map("impuesto de guerra", IccsCode.of("02051"));
    // Shootings without a known victim: acts involving weapons, not yet an assault or a homicide.
    taxonomy.map(
        "balacera", IccsCode.of("0901"), "Shots fired; reclassify when a victim is known.");
    taxonomy.map("tiroteo", IccsCode.of("0901"));
  }
}
