package org.cpis.sandbox;

import java.util.List;

/** The scenario's NHS numbers (fictional, 999 range) that the tests use, and what each has. */
final class ScenarioNumbers {

  /** Islington's child protection plan, social worker sw.okafor. */
  static final String CPP_CHILD = "9995260182";
  /** Islington's looked-after child. */
  static final String LAC_CHILD = "9991590838";
  /** The mother with Islington's unborn child protection plan. */
  static final String MOTHER = "9990166137";
  /** Islington's plan that ended on 2025-02-28. */
  static final String ENDED_PLAN_CHILD = "9991860916";
  /** Camden's plan with no social worker: its notifications go to the MASH queue. */
  static final String MASH_CHILD = "9990308241";
  /** Camden's looked-after child. */
  static final String CAMDEN_LAC_CHILD = "9996281949";
  /** A valid NHS number on no plan. */
  static final String NO_PLAN = "9434765919";
  /** Ten digits whose Modulus 11 check digit is wrong. */
  static final String INVALID = "9991234560";

  /** Every valid number above: none may appear unmasked where the caller did not send it. */
  static final List<String> ALL = List.of(CPP_CHILD, LAC_CHILD, MOTHER, ENDED_PLAN_CHILD, MASH_CHILD, CAMDEN_LAC_CHILD, NO_PLAN);

  static final String ISLINGTON = "714";
  static final String CAMDEN = "702";

  private ScenarioNumbers() {}

  /** The number as ten digits, and in 3-3-4 groups with spaces and with hyphens. */
  static List<String> writtenForms(String digits) {
    String a = digits.substring(0, 3);
    String b = digits.substring(3, 6);
    String c = digits.substring(6);
    return List.of(digits, a + " " + b + " " + c, a + "-" + b + "-" + c);
  }
}
