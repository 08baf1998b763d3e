package org.atalaya.testkit;

import java.util.EnumSet;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.ReleaseStep;
import org.atalaya.anonymise.Steps;
import org.atalaya.anonymise.TimeGranularity;
import org.atalaya.geo.anonymise.GeoMask;
import org.atalaya.geo.anonymise.LocationGeneralisation;
import org.atalaya.geo.anonymise.SpatialKAnonymity;
import org.junit.jupiter.api.Nested;

/** Atalaya's own release steps pass the kit plugin authors use for theirs. */
class ReleaseStepKitsTest {

  @Nested
  class DonutMask extends ReleaseStepContract {
    @Override
    protected ReleaseStep step() {
      return GeoMask.donut(100, 500);
    }
  }

  @Nested
  class Grid extends ReleaseStepContract {
    @Override
    protected ReleaseStep step() {
      return LocationGeneralisation.grid(500);
    }
  }

  @Nested
  class SpatialK extends ReleaseStepContract {
    @Override
    protected ReleaseStep step() {
      return SpatialKAnonymity.onGrid(3, EnumSet.of(QuasiIdentifier.LOCATION), 250, 16000);
    }
  }

  @Nested
  class MonthOnly extends ReleaseStepContract {
    @Override
    protected ReleaseStep step() {
      return Steps.generaliseTime(TimeGranularity.MONTH);
    }

    @Override
    protected boolean movesPoints() {
      return false;
    }
  }
}
