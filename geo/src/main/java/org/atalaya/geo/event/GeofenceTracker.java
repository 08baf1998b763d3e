package org.atalaya.geo.event;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.geo.event.GeofenceEvent.ExitReason;
import org.atalaya.geo.event.GeofenceEvent.Kind;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.plugin.PluginRegistry;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the timestamped fixes of many subjects, keyed by subject id, into ENTER, EXIT and DWELL
 * events (and INSIDE/OUTSIDE on request) against a set of fences.
 *
 * <p><b>Boundary rule.</b> A fix's centre on a fence edge is inside ({@code covers}, as in {@link
 * FenceIndex}); a fix whose accuracy circle crosses the boundary is {@link Containment#AMBIGUOUS}
 * and changes nothing (no counting, no reset).
 *
 * <p><b>Hysteresis.</b> Per subject and fence, an ENTER is emitted after {@code enterAfterFixes}
 * consecutive INSIDE fixes, or once INSIDE fixes have run for {@code enterAfter} (whichever comes
 * first); an OUTSIDE fix restarts the count. An EXIT is emitted after {@code exitAfterFixes}
 * consecutive fixes (or {@code exitAfter} of them) whose accuracy circle lies more than {@code
 * exitMarginMetres} outside the fence; an INSIDE fix, or an OUTSIDE fix within the margin, restarts
 * the count. A DWELL is emitted once per stay, at the first fix at least {@code dwellAfter} after
 * the ENTER.
 *
 * <p><b>Order.</b> A fix older than, or as old as, the subject's last processed fix is ignored and
 * counted ({@link #outOfOrderCount()}); a fix equal to the last one is ignored and counted as a
 * duplicate ({@link #duplicateCount()}).
 *
 * <p><b>Fences that go away.</b> A fence whose expiry has passed ({@link #expire}, also called by
 * {@link #accept} with the fix's time) and a fence removed or changed by {@link #replaceFences}
 * emit the EXIT owed to every subject inside it, with reason {@code FENCE_EXPIRED} or {@code
 * FENCE_REMOVED}, at the subject's last position. A fence whose geometry changed counts as removed:
 * its subjects must enter the new one afresh.
 *
 * <p><b>Thread-safety.</b> Not thread-safe: feed one tracker from one thread (for example the
 * consumer of a fix stream), or synchronize externally. Listeners run on that thread.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GeofenceTracker {

  private static final Logger LOG = LoggerFactory.getLogger(GeofenceTracker.class);

  /** How many listener failures {@link #listenerFailures()} keeps (the most recent). */
  public static final int MAX_KEPT_FAILURES = 1000;

  private final int enterAfterFixes;
  private final Duration enterAfter;
  private final int exitAfterFixes;
  private final Duration exitAfter;
  private final double exitMarginMetres;
  private final Duration dwellAfter;
  private final boolean emitInsideOutside;
  private final List<GeofenceListener> listeners;

  private FenceIndex fences;
  private Map<String, Instant> expiries;
  private boolean[] expired;
  private boolean[] covering;
  private final Map<String, Subject> subjects = new LinkedHashMap<>();
  private final Deque<ListenerFailure> failures = new ArrayDeque<>();
  private long failureCount;
  private long outOfOrderCount;
  private long duplicateCount;

  private GeofenceTracker(Builder b) {
    this.enterAfterFixes = b.enterAfterFixes;
    this.enterAfter = b.enterAfter;
    this.exitAfterFixes = b.exitAfterFixes;
    this.exitAfter = b.exitAfter;
    this.exitMarginMetres = b.exitMarginMetres;
    this.dwellAfter = b.dwellAfter;
    this.emitInsideOutside = b.emitInsideOutside;
    this.listeners = ImmutableList.copyOf(b.listeners);
    setFences(b.fences, b.expiries);
  }

  /**
   * Returns a new builder: by default ENTER and EXIT after one fix, no margin, no DWELL, no
   * INSIDE/OUTSIDE, no fences and no listeners.
   *
   * @return the builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Processes one fix: expires fences whose expiry is at or before the fix's time, then updates the
   * subject's state for every live fence and hands the resulting events to the listeners.
   *
   * @param fix the fix; never {@code null}
   * @return the events emitted, in order, including owed EXITs of expired fences; never {@code
   *     null} but potentially empty (always empty for an ignored fix's own events)
   */
  public List<GeofenceEvent> accept(Fix fix) {
    Objects.requireNonNull(fix, "fix must not be null");
    List<GeofenceEvent> out = new ArrayList<>(expireInto(fix.time()));
    Subject s = subjects.get(fix.subjectId());
    if (s != null && s.last != null) {
      if (fix.equals(s.last)) {
        duplicateCount++;
        dispatch(out);
        return ImmutableList.copyOf(out);
      }
      if (!fix.time().isAfter(s.last.time())) {
        outOfOrderCount++;
        dispatch(out);
        return ImmutableList.copyOf(out);
      }
    }
    if (s == null) {
      s = new Subject();
      subjects.put(fix.subjectId(), s);
    }
    s.last = fix;
    int n = fences.size();
    Arrays.fill(covering, false);
    fences.forEachContaining(fix.latitude(), fix.longitude(), f -> covering[f] = true);
    for (int f = 0; f < n; f++) {
      if (!expired[f]) {
        update(s, fix, f, out);
      }
    }
    dispatch(out);
    return ImmutableList.copyOf(out);
  }

  private void update(Subject s, Fix fix, int f, List<GeofenceEvent> out) {
    String id = fences.id(f);
    State st = s.states.get(id);
    boolean cov = covering[f];
    double acc = fix.accuracyMetres();
    boolean inside = st != null && st.inside;
    Containment c;
    boolean beyondMargin;
    if (acc == 0 && (cov || !inside || exitMarginMetres == 0)) {
      c = cov ? Containment.INSIDE : Containment.OUTSIDE;
      beyondMargin = !cov;
    } else {
      Geometry g = fences.geometry(f);
      double reach = acc + (inside ? exitMarginMetres : 0);
      if (!cov
          && !Containment.near(g.getEnvelopeInternal(), fix.latitude(), fix.longitude(), reach)) {
        c = Containment.OUTSIDE;
        beyondMargin = true;
      } else {
        double d = Containment.boundaryDistanceMetres(g, fix.latitude(), fix.longitude());
        c = d < acc ? Containment.AMBIGUOUS : cov ? Containment.INSIDE : Containment.OUTSIDE;
        beyondMargin = c == Containment.OUTSIDE && d > acc + exitMarginMetres;
      }
    }
    if (c == Containment.AMBIGUOUS) {
      return;
    }
    if (st == null) {
      if (c == Containment.OUTSIDE) {
        if (emitInsideOutside) {
          out.add(event(fix, id, Kind.OUTSIDE));
        }
        return;
      }
      st = new State();
      s.states.put(id, st);
    }
    Instant t = fix.time();
    boolean changed = false;
    if (!st.inside) {
      if (c == Containment.INSIDE && st.streak(t, enterAfterFixes, enterAfter)) {
        st.inside = true;
        st.enteredAt = t;
        st.dwelt = false;
        changed = true;
        out.add(event(fix, id, Kind.ENTER));
      } else if (c == Containment.OUTSIDE) {
        st.reset();
      }
    } else {
      if (beyondMargin && st.streak(t, exitAfterFixes, exitAfter)) {
        st.inside = false;
        changed = true;
        out.add(
            GeofenceEvent.exit(
                fix.subjectId(), id, ExitReason.LEFT, t, fix.latitude(), fix.longitude()));
      } else if (!beyondMargin) {
        st.reset();
      }
      if (st.inside
          && dwellAfter != null
          && !st.dwelt
          && Duration.between(st.enteredAt, t).compareTo(dwellAfter) >= 0) {
        st.dwelt = true;
        out.add(event(fix, id, Kind.DWELL));
      }
    }
    if (emitInsideOutside && !changed) {
      out.add(event(fix, id, st.inside ? Kind.INSIDE : Kind.OUTSIDE));
    }
    if (!st.inside && st.count == 0) {
      s.states.remove(id);
    }
  }

  private static GeofenceEvent event(Fix fix, String fenceId, Kind kind) {
    return GeofenceEvent.of(
        fix.subjectId(), fenceId, kind, fix.time(), fix.latitude(), fix.longitude());
  }

  /**
   * Expires every live fence whose expiry is at or before {@code now}, emitting the EXIT (reason
   * {@code FENCE_EXPIRED}, at the expiry instant) owed to each subject inside it.
   *
   * @param now the current time; never {@code null}
   * @return the events emitted; never {@code null} but potentially empty
   */
  public List<GeofenceEvent> expire(Instant now) {
    List<GeofenceEvent> out = expireInto(now);
    dispatch(out);
    return ImmutableList.copyOf(out);
  }

  private List<GeofenceEvent> expireInto(Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    List<GeofenceEvent> out = new ArrayList<>();
    for (int f = 0; f < fences.size(); f++) {
      Instant at = expiries.get(fences.id(f));
      if (!expired[f] && at != null && !at.isAfter(now)) {
        expired[f] = true;
        dropFence(fences.id(f), ExitReason.FENCE_EXPIRED, at, out);
      }
    }
    return out;
  }

  /**
   * Replaces the fences. Subjects keep their state for fences whose id and geometry are unchanged;
   * for fences removed or whose geometry changed, subjects inside get an EXIT with reason {@code
   * FENCE_REMOVED} at {@code at}, and pending (unconfirmed) entries are dropped. Fences of the new
   * set whose expiry is at or before {@code at} expire at once.
   *
   * @param newFences the new fences; never {@code null}
   * @param newExpiries fence id to expiry instant, for the fences that expire; never {@code null}
   * @param at when the replacement happens; never {@code null}
   * @return the events emitted; never {@code null} but potentially empty
   */
  public List<GeofenceEvent> replaceFences(
      FenceIndex newFences, Map<String, Instant> newExpiries, Instant at) {
    Objects.requireNonNull(newFences, "newFences must not be null");
    Objects.requireNonNull(newExpiries, "newExpiries must not be null");
    Objects.requireNonNull(at, "at must not be null");
    Map<String, Geometry> kept = new HashMap<>();
    for (int f = 0; f < newFences.size(); f++) {
      kept.put(newFences.id(f), newFences.geometry(f));
    }
    List<GeofenceEvent> out = new ArrayList<>();
    for (int f = 0; f < fences.size(); f++) {
      Geometry now = kept.get(fences.id(f));
      if (!expired[f] && (now == null || !now.equalsExact(fences.geometry(f)))) {
        dropFence(fences.id(f), ExitReason.FENCE_REMOVED, at, out);
      }
    }
    setFences(newFences, newExpiries);
    out.addAll(expireInto(at));
    dispatch(out);
    return ImmutableList.copyOf(out);
  }

  /**
   * Replaces the fences with ones that never expire; see {@link #replaceFences(FenceIndex, Map,
   * Instant)}.
   *
   * @param newFences the new fences; never {@code null}
   * @param at when the replacement happens; never {@code null}
   * @return the events emitted; never {@code null} but potentially empty
   */
  public List<GeofenceEvent> replaceFences(FenceIndex newFences, Instant at) {
    return replaceFences(newFences, Map.of(), at);
  }

  private void dropFence(String id, ExitReason reason, Instant at, List<GeofenceEvent> out) {
    for (Map.Entry<String, Subject> e : subjects.entrySet()) {
      State st = e.getValue().states.remove(id);
      if (st != null && st.inside) {
        Fix last = e.getValue().last;
        out.add(GeofenceEvent.exit(e.getKey(), id, reason, at, last.latitude(), last.longitude()));
      }
    }
  }

  private void setFences(FenceIndex f, Map<String, Instant> exp) {
    this.fences = f;
    this.expiries = ImmutableMap.copyOf(exp);
    this.expired = new boolean[f.size()];
    this.covering = new boolean[f.size()];
  }

  private void dispatch(List<GeofenceEvent> events) {
    for (GeofenceEvent e : events) {
      for (GeofenceListener l : listeners) {
        try {
          l.onEvent(e);
        } catch (RuntimeException ex) {
          failureCount++;
          if (failures.size() == MAX_KEPT_FAILURES) {
            failures.removeFirst();
          }
          failures.addLast(new ListenerFailure(l, e, ex));
          LOG.warn("Geofence listener {} failed on {}; other listeners go on", l, e, ex);
        }
      }
    }
  }

  /**
   * Returns whether the subject's entry into the fence has been confirmed and not yet exited.
   *
   * @param subjectId the subject's id; never {@code null}
   * @param fenceId the fence's id; never {@code null}
   * @return true if the subject is inside the fence
   */
  public boolean isInside(String subjectId, String fenceId) {
    Subject s = subjects.get(Objects.requireNonNull(subjectId, "subjectId must not be null"));
    State st = s == null ? null : s.states.get(Objects.requireNonNull(fenceId, "fenceId"));
    return st != null && st.inside;
  }

  /**
   * Returns the most recent listener failures, oldest first, at most {@link #MAX_KEPT_FAILURES}.
   *
   * @return a new immutable list; never {@code null} but potentially empty
   */
  public List<ListenerFailure> listenerFailures() {
    return ImmutableList.copyOf(failures);
  }

  /**
   * Returns how many times a listener has thrown.
   *
   * @return the count, zero or more
   */
  public long listenerFailureCount() {
    return failureCount;
  }

  /**
   * Returns how many fixes were ignored for being no newer than their subject's last fix.
   *
   * @return the count, zero or more
   */
  public long outOfOrderCount() {
    return outOfOrderCount;
  }

  /**
   * Returns how many fixes were ignored for being equal to their subject's last fix.
   *
   * @return the count, zero or more
   */
  public long duplicateCount() {
    return duplicateCount;
  }

  /** One subject's last fix and per-fence states (only fences inside or pending). */
  private static final class Subject {
    Fix last;
    final Map<String, State> states = new HashMap<>();
  }

  /** A subject's state for one fence: confirmed side plus the streak towards the other side. */
  private static final class State {
    boolean inside;
    Instant enteredAt;
    boolean dwelt;
    int count;
    Instant streakStart;

    /** Adds a fix to the streak and returns true (resetting it) when the streak is complete. */
    boolean streak(Instant t, int fixes, Duration time) {
      if (count++ == 0) {
        streakStart = t;
      }
      if (count >= fixes
          || (time != null && Duration.between(streakStart, t).compareTo(time) >= 0)) {
        reset();
        return true;
      }
      return false;
    }

    void reset() {
      count = 0;
      streakStart = null;
    }
  }

  /**
   * Builds a {@link GeofenceTracker}. Not thread-safe.
   *
   * @since 0.1
   */
  public static final class Builder {
    private int enterAfterFixes = 1;
    private Duration enterAfter;
    private int exitAfterFixes = 1;
    private Duration exitAfter;
    private double exitMarginMetres;
    private Duration dwellAfter;
    private boolean emitInsideOutside;
    private FenceIndex fences = FenceIndex.builder().build();
    private Map<String, Instant> expiries = Map.of();
    private final List<GeofenceListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the fences and their expiries.
     *
     * @param fences the fences; never {@code null}
     * @param expiries fence id to expiry instant, for the fences that expire; never {@code null}
     * @return this builder
     */
    public Builder fences(FenceIndex fences, Map<String, Instant> expiries) {
      this.fences = Objects.requireNonNull(fences, "fences must not be null");
      this.expiries = ImmutableMap.copyOf(expiries);
      return this;
    }

    /**
     * Sets fences that never expire.
     *
     * @param fences the fences; never {@code null}
     * @return this builder
     */
    public Builder fences(FenceIndex fences) {
      return fences(fences, Map.of());
    }

    /**
     * Sets how many consecutive INSIDE fixes confirm an entry (default 1).
     *
     * @param fixes at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code fixes} is less than 1
     */
    public Builder enterAfterFixes(int fixes) {
      this.enterAfterFixes = atLeastOne("enterAfterFixes", fixes);
      return this;
    }

    /**
     * Also confirms an entry once consecutive INSIDE fixes span this time (default: off).
     *
     * @param time positive, or {@code null} for off
     * @return this builder
     * @throws IllegalArgumentException if {@code time} is zero or negative
     */
    public Builder enterAfter(Duration time) {
      this.enterAfter = positiveOrNull("enterAfter", time);
      return this;
    }

    /**
     * Sets how many consecutive fixes beyond the margin confirm an exit (default 1).
     *
     * @param fixes at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code fixes} is less than 1
     */
    public Builder exitAfterFixes(int fixes) {
      this.exitAfterFixes = atLeastOne("exitAfterFixes", fixes);
      return this;
    }

    /**
     * Also confirms an exit once consecutive fixes beyond the margin span this time (default: off).
     *
     * @param time positive, or {@code null} for off
     * @return this builder
     * @throws IllegalArgumentException if {@code time} is zero or negative
     */
    public Builder exitAfter(Duration time) {
      this.exitAfter = positiveOrNull("exitAfter", time);
      return this;
    }

    /**
     * Sets how far outside the fence, beyond its accuracy radius, a fix must be to count towards an
     * exit (default 0).
     *
     * @param metres finite and not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code metres} is negative or not finite
     */
    public Builder exitMarginMetres(double metres) {
      if (!(metres >= 0) || Double.isInfinite(metres)) {
        throw new IllegalArgumentException(
            "exitMarginMetres (" + metres + ") must be finite and not negative");
      }
      this.exitMarginMetres = metres;
      return this;
    }

    /**
     * Emits one DWELL per stay once the subject has been inside this long (default: off).
     *
     * @param time positive, or {@code null} for off
     * @return this builder
     * @throws IllegalArgumentException if {@code time} is zero or negative
     */
    public Builder dwellAfter(Duration time) {
      this.dwellAfter = positiveOrNull("dwellAfter", time);
      return this;
    }

    /**
     * Emits INSIDE or OUTSIDE for every live fence at every fix that is not ambiguous and does not
     * change the state for that fence (default false).
     *
     * @param emit whether to emit them
     * @return this builder
     */
    public Builder emitInsideOutside(boolean emit) {
      this.emitInsideOutside = emit;
      return this;
    }

    /**
     * Adds a listener; listeners are called in the order added.
     *
     * @param listener the listener; never {@code null}
     * @return this builder
     */
    public Builder listener(GeofenceListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
      return this;
    }

    /**
     * Adds every geofence listener the installed plugins contribute, in discovery order. Their
     * failures are recorded like any listener's, as {@link ListenerFailure}s whose cause names the
     * plugin; the caller closes them ({@link GeofenceListenerExtension#close()}) when done.
     *
     * @param plugins the plugin registry; never {@code null}
     * @return this builder
     */
    public Builder listeners(PluginRegistry plugins) {
      Objects.requireNonNull(plugins, "plugins must not be null");
      plugins.extensions(GeofenceListenerExtension.POINT).forEach(listeners::add);
      return this;
    }

    /**
     * Builds the tracker.
     *
     * @return a new tracker; never {@code null}
     */
    public GeofenceTracker build() {
      return new GeofenceTracker(this);
    }

    private static int atLeastOne(String name, int v) {
      if (v < 1) {
        throw new IllegalArgumentException(name + " (" + v + ") must be at least 1");
      }
      return v;
    }

    private static Duration positiveOrNull(String name, Duration d) {
      if (d != null && (d.isZero() || d.isNegative())) {
        throw new IllegalArgumentException(name + " (" + d + ") must be positive");
      }
      return d;
    }
  }
}
