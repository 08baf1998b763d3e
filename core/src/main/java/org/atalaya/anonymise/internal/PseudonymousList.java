package org.atalaya.anonymise.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;

/**
 * The published records of a release that pseudonymises ids, each built when read: the last step's
 * record with its id replaced by the pseudonym whose bits the release kept. Building a million
 * records (and their ids) before anybody reads them would only give the garbage collector a million
 * more objects to move; a writer reads each once.
 *
 * <p>Internal: use outside Atalaya is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PseudonymousList extends AbstractList<Incident>
    implements RandomAccess, BuiltWhenRead {
  private final List<Incident> stepped;
  private final long[] idBits;

  /**
   * Returns the published list of {@code stepped} with ids replaced by pseudonyms.
   *
   * @param stepped the last step's records; never null
   * @param idBits the 128 bits of each record's pseudonym, two longs per record; never null
   */
  public PseudonymousList(List<Incident> stepped, long[] idBits) {
    this.stepped = stepped;
    this.idBits = idBits;
  }

  @Override
  public Incident get(int index) {
    return withId(index, PseudonymText.of(idBits[2 * index], idBits[2 * index + 1]));
  }

  @Override
  public Incident madeFrom(int index) {
    // The published record itself: one made from the stepped record would carry its raw id
    // (a release run on this list reads ids from here).
    return get(index);
  }

  @Override
  public Optional<Location> location(int index) {
    return stepped instanceof BuiltWhenRead b ? b.location(index) : stepped.get(index).location();
  }

  @Override
  public Incident withId(int index, String id) {
    if (stepped instanceof BuiltWhenRead b) {
      return b.withId(index, id);
    }
    return stepped.get(index).withId(id);
  }

  @Override
  public int size() {
    return stepped.size();
  }
}
