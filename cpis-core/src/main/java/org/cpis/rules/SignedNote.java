package org.cpis.rules;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519, by the JDK alone: a text ending in a
 * newline, a blank line, and signature lines {@code — <key name> <base64(key ID || signature)>}
 * (an em dash, U+2014). The key ID is the first four bytes of {@code SHA-256(key name || 0x0A ||
 * 0x01 || 32-byte public key)}; a verifier key is written as Go's {@code note} package writes it,
 * {@code <name>+<hex key ID>+<base64(0x01 || public key)>}.
 */
public final class SignedNote {

  /** The signature type of Ed25519 in signed notes. */
  static final byte ED25519 = 0x01;

  private static final String DASH = "\u2014 ";

  /** The DER prefix of an X.509 SubjectPublicKeyInfo holding a 32-byte Ed25519 key. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private SignedNote() {}

  /** A key that verifies notes: its name, key ID and 32-byte Ed25519 public key. */
  public record VerifierKey(String name, int keyId, byte[] publicKey) {
    public VerifierKey {
      requireKeyName(name, "a key name");
      if (publicKey.length != 32) {
        throw new InvalidNoteException("an Ed25519 public key is 32 bytes, not " + publicKey.length);
      }
      publicKey = publicKey.clone();
    }

    /** The key named {@code name} with this public key, its key ID computed. */
    public static VerifierKey of(String name, byte[] publicKey) {
      return new VerifierKey(name, SignedNote.keyId(name, publicKey), publicKey);
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    /** {@code <name>+<hex key ID>+<base64(0x01 || public key)>}. */
    public String encoded() {
      byte[] typed = new byte[33];
      typed[0] = ED25519;
      System.arraycopy(publicKey, 0, typed, 1, 32);
      return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * Reads {@code <name>+<hex key ID>+<base64(0x01 || public key)>}.
     *
     * @throws InvalidNoteException if malformed, not Ed25519, or the key ID does not match
     */
    public static VerifierKey parse(String encoded) {
      Objects.requireNonNull(encoded, "encoded");
      String[] parts = encoded.strip().split("\\+", 3);
      if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
        throw new InvalidNoteException("a verifier key is <name>+<8 hex digits>+<base64 key>");
      }
      byte[] typed;
      try {
        typed = Base64.getDecoder().decode(parts[2]);
      } catch (IllegalArgumentException e) {
        throw new InvalidNoteException("a verifier key's key is not base64");
      }
      if (typed.length != 33 || typed[0] != ED25519) {
        throw new InvalidNoteException("a verifier key is an Ed25519 key (type 0x01, 32 bytes)");
      }
      VerifierKey key = of(parts[0], Arrays.copyOfRange(typed, 1, 33));
      if (key.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
        throw new InvalidNoteException("a verifier key's key ID does not match its name and key");
      }
      return key;
    }

    PublicKey jdkKey() {
      byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
      System.arraycopy(publicKey, 0, der, X509_PREFIX.length, 32);
      try {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK has no Ed25519", e);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof VerifierKey k && k.name.equals(name) && k.keyId == keyId && Arrays.equals(k.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, keyId, Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
      return encoded();
    }
  }

  /** The raw 32-byte Ed25519 public key in a JDK {@link PublicKey} (X.509 encoded). */
  public static byte[] rawPublicKey(PublicKey key) {
    byte[] der = key.getEncoded();
    if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
        || der == null || der.length != X509_PREFIX.length + 32
        || !Arrays.equals(X509_PREFIX, Arrays.copyOf(der, X509_PREFIX.length))) {
      throw new IllegalArgumentException("a checkpoint key is an Ed25519 key");
    }
    return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
  }

  /** The key ID: the first four bytes, big-endian, of {@code SHA-256(name || 0x0A || 0x01 || key)}. */
  public static int keyId(String name, byte[] publicKey) {
    MessageDigest d = MerkleTree.sha256();
    d.update(name.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0x0A);
    d.update(ED25519);
    d.update(publicKey);
    return ByteBuffer.wrap(d.digest()).getInt();
  }

  /**
   * The signed note of {@code text} (which ends in a newline), with one signature by {@code key}
   * under {@code key.name()}.
   */
  public static String sign(String text, VerifierKey key, PrivateKey privateKey) {
    requireText(text);
    byte[] signature;
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(text.getBytes(StandardCharsets.UTF_8));
      signature = s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign with the checkpoint key (" + e.getClass().getSimpleName() + ")", e);
    }
    byte[] line = ByteBuffer.allocate(4 + signature.length).putInt(key.keyId()).put(signature).array();
    return text + "\n" + DASH + key.name() + " " + Base64.getEncoder().encodeToString(line) + "\n";
  }

  /**
   * The text of {@code note} if a signature by {@code key} verifies; signatures by other keys are
   * ignored (as the spec says).
   *
   * @throws InvalidNoteException if malformed, or no signature by {@code key} verifies
   */
  public static String open(String note, VerifierKey key) {
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(key, "key");
    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) {
      throw new InvalidNoteException("a signed note is a text, a blank line and signature lines");
    }
    String text = note.substring(0, split + 1);
    requireText(text);
    List<String> signatures = new ArrayList<>(Arrays.asList(note.substring(split + 2, note.length() - 1).split("\n", -1)));
    boolean verified = false;
    for (String line : signatures) {
      if (!line.startsWith(DASH)) {
        throw new InvalidNoteException("a signature line starts with an em dash and a space");
      }
      String[] parts = line.substring(DASH.length()).split(" ", -1);
      if (parts.length != 2) {
        throw new InvalidNoteException("a signature line is the key name and the base64 signature");
      }
      byte[] sig;
      try {
        sig = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new InvalidNoteException("a note signature is not base64");
      }
      if (sig.length < 5) {
        throw new InvalidNoteException("a note signature is a key ID and a signature");
      }
      if (!parts[0].equals(key.name()) || ByteBuffer.wrap(sig).getInt() != key.keyId()) {
        continue;
      }
      if (!verifies(text, Arrays.copyOfRange(sig, 4, sig.length), key)) {
        throw new InvalidNoteException("the signature by " + key.name() + " does not verify: the note was changed or signed by another key");
      }
      verified = true;
    }
    if (!verified) {
      throw new InvalidNoteException("the note has no signature by " + key.name() + " with key ID " + String.format("%08x", key.keyId()));
    }
    return text;
  }

  private static boolean verifies(String text, byte[] signature, VerifierKey key) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key.jdkKey());
      s.update(text.getBytes(StandardCharsets.UTF_8));
      return s.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  private static void requireText(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new InvalidNoteException("a note's text is not empty and ends with a newline");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new InvalidNoteException("a note's text has no control characters but newlines");
      }
    }
  }

  static void requireKeyName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty() || name.contains("+") || name.codePoints().anyMatch(Character::isWhitespace)) {
      throw new InvalidNoteException(what + " is not empty and has no spaces and no '+'");
    }
  }
}
