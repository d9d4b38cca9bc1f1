package org.cpis.store;

/** An insert named an id that is already stored. The message names the id, never an NHS number. */
public class DuplicateRecordException extends StoreException {

  private static final long serialVersionUID = 1L;

  public DuplicateRecordException(String message) {
    super(message);
  }
}
