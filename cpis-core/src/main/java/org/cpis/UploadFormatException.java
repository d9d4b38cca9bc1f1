package org.cpis;

/**
 * An upload file cannot be read at all: no header row, or a header that is not the one {@link
 * UploadCsv} reads. (A bad data line is not an error: it becomes a rejected record.)
 */
public final class UploadFormatException extends CpisException {

  private static final long serialVersionUID = 1L;

  public UploadFormatException(String message) {
    super(message);
  }
}
