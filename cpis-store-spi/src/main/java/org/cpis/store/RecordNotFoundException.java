package org.cpis.store;

/** An update named an id that is not stored. The message names the id, never an NHS number. */
public class RecordNotFoundException extends StoreException {

  private static final long serialVersionUID = 1L;

  public RecordNotFoundException(String message) {
    super(message);
  }
}
