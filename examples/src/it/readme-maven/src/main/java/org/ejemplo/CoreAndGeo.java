package org.ejemplo;

import java.nio.file.Path;
import java.util.List;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.io.AreaReader;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;

/** Uses atalaya-core and atalaya-geo, so the README's pom is proved to give both. */
public final class CoreAndGeo {

  public static void main(String[] args) throws Exception {
    ReadResult read = IncidentFormat.CSV.reader().readAll(Path.of(args[0]), ReadOptions.defaults());
    FenceIndex areas = FenceIndex.of(AreaReader.builder().idProperty("name").build().readGeoJson(Path.of(args[1])).areas());
    read.incidents().forEach(i -> i.location().flatMap(l -> l.point()).ifPresent(p -> {
      List<String> ids = areas.fencesContaining(p.latitude(), p.longitude());
      System.out.println(i.id() + " -> " + ids);
    }));
  }
}
