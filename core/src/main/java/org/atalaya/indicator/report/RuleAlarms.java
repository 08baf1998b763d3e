package org.atalaya.indicator.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.indicator.Alarm;

/**
 * One alarm rule run over one monthly series: its parameters and every month it checked. An alarm
 * is a signal to look closer, not proof of a change: with many months checked some alarms are
 * expected by chance.
 *
 * @param rule the rule; never {@code null}
 * @param parameters the rule's parameters by name, in the document's order (integers stay
 *     integers); never {@code null}, copied
 * @param checks every month checked, in order; never {@code null}, copied
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RuleAlarms(AlarmRule rule, Map<String, Number> parameters, List<Alarm> checks) {
  /**
   * Checks and copies the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public RuleAlarms {
    Objects.requireNonNull(rule, "rule must not be null");
    parameters =
        ImmutableMap.copyOf(Objects.requireNonNull(parameters, "parameters must not be null"));
    checks = ImmutableList.copyOf(Objects.requireNonNull(checks, "checks must not be null"));
  }

  /**
   * Returns the months that raised an alarm.
   *
   * @return in order; never {@code null}, immutable, potentially empty
   */
  public List<Alarm> alarms() {
    return checks.stream().filter(Alarm::alarm).collect(ImmutableList.toImmutableList());
  }
}
