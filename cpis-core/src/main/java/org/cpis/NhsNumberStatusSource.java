package org.cpis;

import org.cpis.model.NhsNumber;

/**
 * The SPI through which the engine asks the national demographics service (PDS), or whatever the
 * host keeps of it, whether an NHS number is still in use: see {@link
 * Cpis#refreshNumberStatuses(NhsNumberStatusSource)}. Called outside any store transaction.
 */
@FunctionalInterface
public interface NhsNumberStatusSource {

  /**
   * What PDS says of {@code number} now.
   *
   * @throws Exception if it cannot say; the number is left as it was and asked again next time
   */
  NhsNumberStatus statusOf(NhsNumber number) throws Exception;
}
