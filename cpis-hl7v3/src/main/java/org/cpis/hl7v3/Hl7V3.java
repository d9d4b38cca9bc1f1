package org.cpis.hl7v3;

import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import org.cpis.model.PlanType;

/**
 * The names, namespaces and object identifiers the CP-IS HL7 V3 messages use, and the standard
 * StAX settings they are read with.
 */
public final class Hl7V3 {

  /** The HL7 V3 namespace of every message element. */
  public static final String NAMESPACE = "urn:hl7-org:v3";

  /** The NHS localisation namespace of {@code contentId}. */
  public static final String LOCALISATION_NAMESPACE = "NPFIT:HL7:Localisation";

  /** The root of every {@code npfitlc:contentId}. */
  public static final String CONTENT_ID_ROOT = "2.16.840.1.113883.2.1.3.2.4.18.16";

  /** An NHS number. */
  public static final String NHS_NUMBER_ROOT = "2.16.840.1.113883.2.1.4.1";

  /** A local authority's own id for a child (or a mother). */
  public static final String LA_CHILD_ID_ROOT = "2.16.840.1.113883.2.1.3.2.4.18.24";

  /** An organisation by ODS code. */
  public static final String ODS_ORGANISATION_ROOT = "2.16.840.1.113883.2.1.3.2.4.19.1";

  /** A site by ODS code. */
  public static final String ODS_SITE_ROOT = "2.16.840.1.113883.2.1.3.2.4.19.2";

  /** An SDS user id (the accessing user). */
  public static final String SDS_USER_ID_ROOT = "1.2.826.0.1285.0.2.0.65";

  /** SDS job role names: the code system of the accessing user's job role (UNCONFIRMED). */
  public static final String SDS_JOB_ROLE_CODE_SYSTEM = "2.16.840.1.113883.2.1.3.2.4.17.196";

  static final String CHILD = "COCT_TP145101GB01.Child";
  static final String UNBORN_CHILD = "COCT_TP145100GB01.UnbornChild";
  static final String CHILD_CONTENT = "COCT_TP145101GB01#Child";
  static final String UNBORN_CHILD_CONTENT = "COCT_TP145100GB01#UnbornChild";
  static final String ASSIGNED_AUTHOR = "COCT_TP145102GB01.AssignedAuthor";
  static final String ASSIGNED_AUTHOR_CONTENT = "COCT_TP145102GB01#AssignedAuthor";
  static final String INTENDED_RECIPIENT = "COCT_TP145103GB01.IntendedRecipient";
  static final String INTENDED_RECIPIENT_CONTENT = "COCT_TP145103GB01#IntendedRecipient";

  private Hl7V3() {}

  /**
   * Sets on {@code factory} the standard StAX properties this module reads messages with: DTDs
   * off, no external entities, namespaces on; returns {@code factory}. Every StAX implementation
   * takes them. The module's own parser, the JDK's, also refuses external DTDs, schemas and
   * resources and limits the element depth, through JDK properties that other implementations
   * may refuse; this method leaves those out.
   */
  public static XMLInputFactory applyStandardReadSettings(XMLInputFactory factory) {
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }

  /**
   * The upload template of each plan type: its element name, its {@code contentId} extension and
   * the element-name stem of its dates ({@code cPP} + {@code StartDate}).
   */
  enum PlanTemplate {
    CPP(PlanType.CHILD_PROTECTION_PLAN, "COCT_TP146101GB01", "CPPInformation", "cPP"),
    LAC(PlanType.LOOKED_AFTER_CHILD, "COCT_TP146100GB01", "LACInformation", "lAC"),
    UCP(PlanType.UNBORN_CHILD_PROTECTION_PLAN, "COCT_TP146102GB01", "UCPInformation", "uCP");

    final PlanType type;
    final String element;
    final String contentId;
    final String stem;

    PlanTemplate(PlanType type, String template, String className, String stem) {
      this.type = type;
      this.element = template + "." + className;
      this.contentId = template + "#" + className;
      this.stem = stem;
    }

    static Optional<PlanTemplate> ofElement(String localName) {
      for (PlanTemplate t : values()) {
        if (t.element.equals(localName)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }

    static PlanTemplate of(PlanType type) {
      for (PlanTemplate t : values()) {
        if (t.type == type) {
          return t;
        }
      }
      throw new IllegalArgumentException("no template for " + type);
    }
  }
}
