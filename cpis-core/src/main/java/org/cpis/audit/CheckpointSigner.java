package org.cpis.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.cpis.rules.Checkpoint;
import org.cpis.rules.SignedNote;
import org.cpis.rules.SignedNote.VerifierKey;

/**
 * Signs the audit log's checkpoints with the host's Ed25519 key, by the JDK alone, under a key
 * name that is also the checkpoints' origin (C2SP: the log's key name should match its origin).
 * The key comes from the host as a {@link KeyPair} or as a PKCS#8 file (DER, or PEM {@code BEGIN
 * PRIVATE KEY}, as {@code openssl genpkey -algorithm ed25519} writes it). Give verifiers {@link
 * #verifierKey()}.
 */
public final class CheckpointSigner {

  private final PrivateKey privateKey;
  private final VerifierKey verifierKey;

  private CheckpointSigner(String origin, PrivateKey privateKey, byte[] publicKey) {
    this.privateKey = privateKey;
    this.verifierKey = VerifierKey.of(origin, publicKey);
  }

  /**
   * A signer for the log {@code origin} with an Ed25519 key pair.
   *
   * @throws IllegalArgumentException if the key is not Ed25519, or the origin is not a key name
   */
  public static CheckpointSigner of(String origin, KeyPair keyPair) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(keyPair, "keyPair");
    byte[] publicKey = SignedNote.rawPublicKey(keyPair.getPublic());
    CheckpointSigner signer = new CheckpointSigner(origin, keyPair.getPrivate(), publicKey);
    signer.selfCheck();
    return signer;
  }

  /**
   * A signer for the log {@code origin} with the Ed25519 private key in a PKCS#8 file; the public
   * key is derived from it.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it does not hold an Ed25519 PKCS#8 private key
   */
  public static CheckpointSigner fromPkcs8(String origin, Path file) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the checkpoint key file " + file.getFileName(), e);
    }
    return of(origin, keyPairOf(pkcs8(bytes)));
  }

  private static byte[] pkcs8(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
      return bytes;
    }
    String body = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27);
    int end = body.indexOf("-----END PRIVATE KEY-----");
    if (end < 0) {
      throw new IllegalArgumentException("the checkpoint key file's PEM has no END PRIVATE KEY line");
    }
    try {
      return Base64.getMimeDecoder().decode(body.substring(0, end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the checkpoint key file's PEM is not base64");
    }
  }

  /**
   * The key pair of a PKCS#8 Ed25519 private key. The JDK derives an Ed25519 public key only when
   * it generates a pair, from 32 random bytes that are the private key: so it is given a source
   * of "random" bytes that yields the key's own, and the result checked.
   */
  static KeyPair keyPairOf(byte[] der) {
    PrivateKey key;
    try {
      key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the checkpoint key is not an Ed25519 private key in PKCS#8");
    }
    byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new IllegalArgumentException("the checkpoint key has no private bytes"));
    SecureRandom fixed =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;

          @Override
          public void nextBytes(byte[] out) {
            System.arraycopy(seed, 0, out, 0, Math.min(seed.length, out.length));
          }
        };
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(NamedParameterSpec.ED25519, fixed);
      KeyPair pair = g.generateKeyPair();
      byte[] derived = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      if (!Arrays.equals(derived, seed)) {
        throw new IllegalStateException("this JDK does not derive Ed25519 public keys as expected: pass a KeyPair");
      }
      return new KeyPair(pair.getPublic(), key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  /** Signs a test text and verifies it with the public key, so that a mismatched pair fails now. */
  private void selfCheck() {
    String text = "cpis checkpoint key check\n";
    try {
      SignedNote.open(SignedNote.sign(text, verifierKey, privateKey), verifierKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the checkpoint key's private and public halves do not match");
    }
  }

  /** The log's name: the checkpoints' origin and the key's name. */
  public String origin() {
    return verifierKey.name();
  }

  /** The key verifiers need, {@code <name>+<key ID>+<base64 key>}: publish it with the checkpoints. */
  public VerifierKey verifierKey() {
    return verifierKey;
  }

  /**
   * Signs {@code checkpoint}, whose origin must be this signer's.
   *
   * @throws IllegalArgumentException if its origin is another log's
   */
  public SignedCheckpoint sign(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (!checkpoint.origin().equals(origin())) {
      throw new IllegalArgumentException("this signer signs checkpoints of " + origin() + " only");
    }
    return new SignedCheckpoint(checkpoint, SignedNote.sign(checkpoint.body(), verifierKey, privateKey));
  }

  @Override
  public String toString() {
    return "CheckpointSigner[" + verifierKey.encoded() + "]";
  }
}
