package org.atalaya.taxonomy;

import org.apiguardian.api.API;

/**
 * A fact that a local category name states beyond its ICCS code.
 *
 * <p>ICCS classifies the act; circumstances such as the victim's sex, the relationship between
 * victim and offender or the kind of object stolen are separate disaggregating variables. Many
 * local names carry such a circumstance in the word itself: <i>femicidio</i> is an intentional
 * homicide (ICCS 0101) that is {@link #GENDER_MOTIVATED}; <i>violencia doméstica</i> is an assault
 * or threat (ICCS 0201) that is {@link #DOMESTIC_VIOLENCE}; <i>robo de vehículo</i> is a robbery
 * (ICCS 0401) of a {@link #MOTOR_VEHICLE}. A {@link CategoryMatch} carries these qualifiers so that
 * the fact is not lost when the name is replaced by its code.
 *
 * <p>A qualifier only records what the name implies; an absent qualifier does not mean the fact is
 * false.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum CategoryQualifier {

  /**
   * The act took place between family members or intimate partners (for example <i>violencia
   * doméstica</i>, <i>violencia intrafamiliar</i>, <i>parricidio</i>).
   */
  DOMESTIC_VIOLENCE,

  /**
   * The act was motivated by the victim's gender; typically the killing of a woman because she is a
   * woman (<i>femicidio</i>, <i>feminicidio</i>).
   */
  GENDER_MOTIVATED,

  /**
   * The object of the act is a motor vehicle or its parts (<i>robo de vehículo</i>, <i>hurto de
   * vehículo</i>).
   */
  MOTOR_VEHICLE,

  /** The victim is under 18 years of age (for example <i>abuso sexual infantil</i>). */
  MINOR_VICTIM
}
