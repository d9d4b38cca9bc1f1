package org.cpis.store.inmemory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;

/**
 * The audit log's records and sealed entries, written as bytes into a few large arrays rather
 * than kept as objects. Every check appends a record, and the log keeps every one: held as
 * objects (the record, its id, its instant, its detail text and their arrays), each would be
 * traced and copied by the collector while it lives, which made holding them most of a check's
 * cost. Here a record is one run of bytes at a position, read back as an equal record.
 *
 * <p>A position is the chunk's number in the high 32 bits and the offset in it in the low.
 * Strings are written exactly, as Latin-1 bytes when every character fits, else as UTF-16 code
 * units (so an unpaired surrogate survives). Nothing is ever written over: a write that a
 * rolled-back transaction made, or a record whose id was in use, stays as bytes nobody reads, so
 * that a position, once given, always reads back the same record. Not thread-safe: the store's
 * lock guards it.
 */
final class AuditJournal {

  private static final int FIRST_CHUNK = 4 * 1024;
  private static final int LARGEST_CHUNK = 1024 * 1024;
  private static final int ABSENT = -1;

  private byte[][] chunks = {new byte[FIRST_CHUNK]};
  /** The chunk written to, and where its free bytes start. */
  private int chunk;
  private int end;

  /** Appends the record and returns its position. */
  long append(AuditRecord r) {
    String subject = subjectText(r.subject());
    Optional<OdsCode> ods = r.organisation();
    String organisation = ods.isPresent() ? ods.get().value() : null;
    Optional<CareSetting> setting = r.setting();
    String id = r.id().value();
    int most =
        8 + 4 + 1 + 1
            + mostOf(id) + mostOf(r.actor()) + mostOf(organisation) + mostOf(subject) + mostOf(r.detail());
    long position = reserve(most);
    Instant at = r.at();
    writeLong(at.getEpochSecond());
    writeInt(at.getNano());
    writeByte(r.action().ordinal());
    writeByte(setting.isPresent() ? setting.get().ordinal() + 1 : 0);
    writeAscii(id);
    writeString(r.actor());
    writeAscii(organisation);
    writeAscii(subject);
    writeString(r.detail());
    return position;
  }

  /** The last subject written and its digits: a child's checks follow each other. */
  private NhsNumber lastSubject;
  private String lastSubjectText;

  private String subjectText(Optional<NhsNumber> subject) {
    if (subject.isEmpty()) {
      return null;
    }
    NhsNumber number = subject.get();
    if (!number.equals(lastSubject)) {
      lastSubject = number;
      lastSubjectText = number.value();
    }
    return lastSubjectText;
  }

  /** Appends a sealed entry of the record at {@code record} and returns the entry's position. */
  long appendSealed(long record, AuditEntry e) {
    long position = reserve(8 + 8 + mostOf(e.previousHash()) + mostOf(e.hash()));
    writeLong(record);
    writeLong(e.sequence());
    writeString(e.previousHash());
    writeString(e.hash());
    return position;
  }

  /** The record at {@code position}, equal to the one appended there. */
  AuditRecord record(long position) {
    Reader in = new Reader(position);
    long seconds = in.readLong();
    int nanos = in.readInt();
    AuditAction action = AuditAction.values()[in.readByte()];
    int setting = in.readByte();
    RecordId id = RecordId.of(in.readString());
    String actor = in.readString();
    String organisation = in.readString();
    String subject = in.readString();
    return AuditRecord.builder()
        .id(id)
        .at(Instant.ofEpochSecond(seconds, nanos))
        .action(action)
        .actor(actor)
        .organisation(Optional.ofNullable(organisation).map(OdsCode::of))
        .setting(setting == 0 ? Optional.empty() : Optional.of(CareSetting.values()[setting - 1]))
        .subject(Optional.ofNullable(subject).map(NhsNumber::parse))
        .detail(in.readString())
        .build();
  }

  /** The sealed entry at {@code position}, equal to the one appended there. */
  AuditEntry entry(long position) {
    Reader in = new Reader(position);
    AuditRecord record = record(in.readLong());
    return AuditEntry.builder()
        .record(record)
        .sequence(in.readLong())
        .previousHash(in.readString())
        .hash(in.readString())
        .build();
  }

  /** The most bytes {@code s} takes: its length, and two bytes a character. */
  private static int mostOf(String s) {
    return 4 + (s == null ? 0 : 2 * s.length());
  }

  /** Makes room for {@code most} bytes in one chunk and returns where they start. */
  private long reserve(int most) {
    if (chunks[chunk].length - end < most) {
      int length = Math.max(most, Math.min(LARGEST_CHUNK, chunks[chunk].length * 2));
      chunk++;
      if (chunk == chunks.length) {
        chunks = Arrays.copyOf(chunks, chunks.length * 2);
      }
      chunks[chunk] = new byte[length];
      end = 0;
    }
    return ((long) chunk << 32) | end;
  }

  private void writeByte(int b) {
    chunks[chunk][end++] = (byte) b;
  }

  private void writeInt(int v) {
    byte[] to = chunks[chunk];
    to[end] = (byte) (v >>> 24);
    to[end + 1] = (byte) (v >>> 16);
    to[end + 2] = (byte) (v >>> 8);
    to[end + 3] = (byte) v;
    end += 4;
  }

  private void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  /**
   * {@link #writeString} of a text known to be ASCII, as an id, an ODS code and an NHS number's
   * digits are by their types' checks: no character is looked at.
   */
  private void writeAscii(String s) {
    write(s, true);
  }

  /**
   * Writes the string's length (times two, plus one if it is written in two bytes a character;
   * {@value #ABSENT} for null), then its characters.
   */
  private void writeString(String s) {
    boolean latin1 = true;
    for (int i = 0; s != null && i < s.length() && latin1; i++) {
      latin1 = s.charAt(i) <= 0xFF;
    }
    write(s, latin1);
  }

  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): the Latin-1 bytes, copied
  private void write(String s, boolean latin1) {
    if (s == null) {
      writeInt(ABSENT);
      return;
    }
    int n = s.length();
    writeInt(n << 1 | (latin1 ? 0 : 1));
    byte[] to = chunks[chunk];
    if (latin1) {
      s.getBytes(0, n, to, end);
      end += n;
    } else {
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        to[end++] = (byte) (c >>> 8);
        to[end++] = (byte) c;
      }
    }
  }

  /** Reads what was written from a position on, in the order it was written. */
  private final class Reader {
    private final byte[] from;
    private int at;

    Reader(long position) {
      this.from = chunks[(int) (position >>> 32)];
      this.at = (int) position;
    }

    int readByte() {
      return from[at++];
    }

    int readInt() {
      int v = (from[at] & 0xFF) << 24 | (from[at + 1] & 0xFF) << 16 | (from[at + 2] & 0xFF) << 8 | (from[at + 3] & 0xFF);
      at += 4;
      return v;
    }

    long readLong() {
      return (long) readInt() << 32 | (readInt() & 0xFFFFFFFFL);
    }

    String readString() {
      int header = readInt();
      if (header == ABSENT) {
        return null;
      }
      int n = header >>> 1;
      if ((header & 1) == 0) {
        String s = new String(from, at, n, StandardCharsets.ISO_8859_1);
        at += n;
        return s;
      }
      char[] chars = new char[n];
      for (int i = 0; i < n; i++) {
        chars[i] = (char) ((from[at] & 0xFF) << 8 | (from[at + 1] & 0xFF));
        at += 2;
      }
      return new String(chars);
    }
  }
}
