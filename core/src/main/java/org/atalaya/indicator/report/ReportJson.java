package org.atalaya.indicator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.CaseStatus;
import org.atalaya.indicator.Alarm;
import org.atalaya.indicator.FunnelStage;
import org.atalaya.indicator.ImpunityFunnel;
import org.atalaya.indicator.Lineage;
import org.atalaya.indicator.PeriodChange;
import org.atalaya.indicator.Proportion;
import org.atalaya.indicator.Rate;
import org.atalaya.indicator.StageCount;
import org.atalaya.indicator.StageTime;

/**
 * Writes an {@link IndicatorReport} as the {@code atalaya-indicators} document, schema version 1.
 */
final class ReportJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final ObjectMapper INDENTED =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  static ObjectNode write(IndicatorReport r) {
    IndicatorSettings s = r.settings();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("document", "atalaya-indicators");
    root.put("schemaVersion", 1);
    root.put("atalayaVersion", Lineage.atalayaVersion());
    ObjectNode in = root.putObject("input");
    in.put("file", s.input());
    in.put("read", r.read());
    in.put("accepted", r.accepted());
    in.put("rejected", s.rejected());
    in.put("population", s.populationInput());
    in.put("populationVintage", r.populationVintage());
    in.put("iccs", s.category().value());
    in.put("areaLevel", s.areaLevel().key());
    ArrayNode by = in.putArray("by");
    s.groupBy().forEach(g -> by.add(g.key()));
    in.put("confidence", s.confidence());
    in.put("per", (long) Rate.PER_100_000);

    ArrayNode rates = root.putArray("rates");
    for (RateResult x : r.rates()) {
      ObjectNode n = rates.addObject();
      group(n.putObject("group"), x.group());
      n.put("count", x.count());
      rateOrNull(n, x.rate());
      n.set("lineage", x.lineage().toJsonTree());
    }
    ArrayNode changes = root.putArray("changes");
    r.changes().forEach(c -> change(changes.addObject(), c));
    ArrayNode sdg = root.putArray("sdg16_1_1");
    r.sdg().forEach(x -> sdg(sdg.addObject(), x));
    ArrayNode alarms = root.putArray("alarms");
    r.alarms().forEach(a -> alarms(alarms.addObject(), a));
    ArrayNode impunity = root.putArray("impunity");
    r.funnels().forEach(f -> funnel(impunity.addObject(), f, s.followUpYears()));
    if (!r.missingPopulation().isEmpty()) {
      r.missingPopulation().forEach(root.putArray("missingPopulation")::add);
    }
    return root;
  }

  private static void group(ObjectNode n, Group g) {
    g.area().ifPresent(a -> n.put("area", a));
    g.year().ifPresent(y -> n.put("year", y));
  }

  private static void rateOrNull(ObjectNode n, Optional<Rate> rate) {
    rate.ifPresentOrElse(x -> rate(n, x), () -> n.putNull("rate"));
  }

  private static void rate(ObjectNode n, Rate r) {
    n.put("population", r.population());
    n.put("per", (long) r.per());
    n.put("rate", r.rate());
    n.put("lower", r.lower());
    n.put("upper", r.upper());
    n.put("confidence", r.confidence());
    n.put("method", r.method().name().toLowerCase(Locale.ROOT));
  }

  private static void change(ObjectNode n, ChangeResult x) {
    PeriodChange c = x.change();
    ObjectNode g = n.putObject("group");
    x.area().ifPresent(a -> g.put("area", a));
    n.put("from", x.from());
    n.put("to", x.to());
    ObjectNode b = n.putObject("before");
    b.put("count", c.before().count());
    rate(b, c.before());
    ObjectNode af = n.putObject("after");
    af.put("count", c.after().count());
    rate(af, c.after());
    n.put("rateRatio", c.comparison().rateRatio());
    n.put("lower", c.comparison().lower());
    n.put("upper", c.comparison().upper());
    n.put("pValue", c.comparison().pValue());
    n.put("verdict", c.verdict().name());
    ObjectNode sentence = n.putObject("sentence");
    sentence.put("en", c.english());
    sentence.put("es", c.spanish());
    n.set("lineage", x.lineage().toJsonTree());
  }

  private static void sdg(ObjectNode n, SdgResult x) {
    ObjectNode g = n.putObject("group");
    group(g, x.group());
    g.put("sex", x.sex().map(v -> v.name().toLowerCase(Locale.ROOT)).orElse("all"));
    g.put("ageBand", x.ageBand().map(AgeBand::toString).orElse("all"));
    n.put("victims", x.victims());
    rateOrNull(n, x.rate());
    if (x.isTotal()) {
      n.put("victimsOfUnknownAge", x.counts().victimsOfUnknownAge());
      n.put("victimsOfOtherOrUnknownSex", x.victimsOfOtherOrUnknownSex());
    }
    n.set("lineage", x.lineage().toJsonTree());
  }

  private static void alarms(ObjectNode n, AlarmResult a) {
    ObjectNode g = n.putObject("group");
    a.area().ifPresent(x -> g.put("area", x));
    n.put("start", a.series().start().toString());
    n.put("end", a.series().end().toString());
    ArrayNode counts = n.putArray("counts");
    for (int k = 0; k < a.series().size(); k++) {
      counts.add(a.series().count(a.series().start().plusMonths(k)));
    }
    ArrayNode rules = n.putArray("rules");
    for (RuleAlarms rule : a.rules()) {
      ObjectNode o = rules.addObject();
      o.put("rule", rule.rule().key());
      ObjectNode parameters = o.putObject("parameters");
      for (Map.Entry<String, Number> p : rule.parameters().entrySet()) {
        if (p.getValue() instanceof Integer i) {
          parameters.put(p.getKey(), i);
        } else {
          parameters.put(p.getKey(), p.getValue().doubleValue());
        }
      }
      ArrayNode months = o.putArray("alarmMonths");
      for (Alarm x : rule.alarms()) {
        ObjectNode m = months.addObject();
        m.put("month", x.month().toString());
        m.put("count", x.count());
        m.put("expected", x.expected());
        if (Double.isFinite(x.statistic())) {
          m.put("statistic", x.statistic());
        } else {
          m.putNull("statistic");
        }
        m.put("threshold", x.threshold());
      }
      o.put("monthsChecked", rule.checks().size());
    }
    n.set("lineage", a.lineage().toJsonTree());
  }

  private static void funnel(ObjectNode n, FunnelResult x, int followUpYears) {
    ImpunityFunnel f = x.funnel();
    group(n.putObject("group"), x.group());
    n.put("asOf", f.settings().asOf().toString());
    n.put("followUpYears", followUpYears);
    n.put("cases", f.cases());
    n.put("withoutHistory", f.withoutHistory());
    n.put("notYetEntered", f.notYetEntered());
    n.put("cohort", f.cohort());
    n.put("younger", f.younger());
    ArrayNode stages = n.putArray("stages");
    for (StageCount s : f.stages()) {
      ObjectNode st = stages.addObject();
      st.put("stage", s.stage().name());
      st.put("reached", s.reached());
      st.put("censored", s.censored());
      st.put("cohortReached", s.cohortReached());
      proportion(st, "ofCohort", s.ofCohort());
      proportion(st, "ofPrevious", s.ofPrevious());
    }
    // Where the cases stand now, including the exits the stages do not show.
    ObjectNode now = n.putObject("currentStatus");
    for (CaseStatus s : CaseStatus.values()) {
      now.put(s.name(), f.currentlyAt(s));
    }
    FunnelStage[] all = FunnelStage.values();
    ObjectNode median = n.putObject("medianDays");
    for (int k = 0; k + 1 < all.length; k++) {
      optional(median, all[k].name() + "->" + all[k + 1].name(), f.medianDays(all[k], all[k + 1]));
    }
    ObjectNode times = n.putObject("timeToStage");
    for (int k = 0; k + 1 < all.length; k++) {
      StageTime st = f.timeBetween(all[k], all[k + 1]);
      ObjectNode o = times.putObject(all[k].name() + "->" + all[k + 1].name());
      o.put("atRisk", st.atRisk());
      o.put("events", st.events());
      o.put("stillWaiting", st.stillWaiting());
      o.put("endedOtherwise", st.endedOtherwise());
      o.put("startUnknown", st.startUnknown());
      optional(o, "medianDays", st.medianDays());
      optional(o, "medianLower", st.estimate().medianLower());
      optional(o, "medianUpper", st.estimate().medianUpper());
    }
    n.set("lineage", x.lineage().toJsonTree());
  }

  private static void optional(ObjectNode o, String name, OptionalDouble value) {
    if (value.isPresent()) {
      o.put(name, value.getAsDouble());
    } else {
      o.putNull(name);
    }
  }

  private static void proportion(ObjectNode st, String name, Optional<Proportion> p) {
    if (p.isEmpty()) {
      st.putNull(name);
      return;
    }
    ObjectNode o = st.putObject(name);
    o.put("successes", p.get().successes());
    o.put("trials", p.get().trials());
    o.put("estimate", p.get().estimate());
    o.put("lower", p.get().lower());
    o.put("upper", p.get().upper());
  }
}
