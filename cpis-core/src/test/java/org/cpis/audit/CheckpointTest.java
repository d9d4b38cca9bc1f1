package org.cpis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.cpis.rules.Checkpoint;
import org.cpis.rules.InvalidNoteException;
import org.cpis.rules.MerkleTree;
import org.cpis.rules.SignedNote;
import org.cpis.rules.SignedNote.VerifierKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints in the C2SP tlog-checkpoint and signed-note formats, signed with Ed25519 by the JDK. */
class CheckpointTest {

  static final String ORIGIN = "cpis.example.nhs.uk/audit";
  static final KeyPair KEYS = generate();

  static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private final CheckpointSigner signer = CheckpointSigner.of(ORIGIN, KEYS);
  private final byte[] root = MerkleTree.leafHash(new byte[] {1, 2, 3});
  private final Checkpoint checkpoint = new Checkpoint(ORIGIN, 20852163, root, Optional.of(Instant.parse("2026-12-01T21:00:00.123456Z")));

  private static byte[] rawPublic(KeyPair keys) {
    byte[] der = keys.getPublic().getEncoded();
    return Arrays.copyOfRange(der, der.length - 32, der.length);
  }

  @Test
  @DisplayName("A checkpoint's text is the origin, the decimal size, the base64 root and the time line, each ending in a newline")
  void body() {
    assertThat(checkpoint.body())
        .isEqualTo(ORIGIN + "\n20852163\n" + Base64.getEncoder().encodeToString(root) + "\ntime 2026-12-01T21:00:00.123456Z\n");
    assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
    assertThat(Checkpoint.parse("log\n0\n" + Base64.getEncoder().encodeToString(root) + "\nother extension\n").time()).isEmpty();
  }

  @Test
  @DisplayName("The signed note is the text, a blank line and '— <name> <base64(key ID || Ed25519 signature)>', the key ID being SHA-256(name || 0x0A || 0x01 || key)[:4]")
  void signedNoteFormat() throws Exception {
    String note = signer.sign(checkpoint).note();
    String text = checkpoint.body();
    assertThat(note).startsWith(text + "\n\u2014 " + ORIGIN + " ").endsWith("\n");
    byte[] sig = Base64.getDecoder().decode(note.substring((text + "\n\u2014 " + ORIGIN + " ").length(), note.length() - 1));
    assertThat(sig).hasSize(4 + 64);

    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update((ORIGIN + "\n").getBytes(StandardCharsets.UTF_8));
    d.update((byte) 1);
    d.update(rawPublic(KEYS));
    assertThat(Arrays.copyOf(sig, 4)).isEqualTo(Arrays.copyOf(d.digest(), 4));

    Signature verify = Signature.getInstance("Ed25519");
    verify.initVerify(KEYS.getPublic());
    verify.update(text.getBytes(StandardCharsets.UTF_8));
    assertThat(verify.verify(Arrays.copyOfRange(sig, 4, sig.length))).as("an Ed25519 signature over the text, newline included").isTrue();
  }

  @Test
  @DisplayName("The verifier key reads as <name>+<hex key ID>+<base64(0x01 || key)> and back")
  void verifierKey() {
    VerifierKey key = signer.verifierKey();
    String encoded = key.encoded();
    byte[] typed = new byte[33];
    typed[0] = 1;
    System.arraycopy(rawPublic(KEYS), 0, typed, 1, 32);
    assertThat(encoded).isEqualTo(ORIGIN + "+" + String.format("%08x", key.keyId()) + "+" + Base64.getEncoder().encodeToString(typed));
    assertThat(VerifierKey.parse(encoded)).isEqualTo(key);
    String wrongId = ORIGIN + "+00000000+" + Base64.getEncoder().encodeToString(typed);
    assertThatThrownBy(() -> VerifierKey.parse(wrongId)).isInstanceOf(InvalidNoteException.class).hasMessageContaining("key ID");
  }

  @Test
  @DisplayName("A signed checkpoint opens with its key; a changed text, another key of the same name, or no signature by the key is refused")
  void verification() {
    String note = signer.sign(checkpoint).note();
    assertThat(SignedCheckpoint.open(note, signer.verifierKey()).checkpoint()).isEqualTo(checkpoint);
    String changed = note.replace("\n20852163\n", "\n20852164\n");
    assertThatThrownBy(() -> SignedCheckpoint.open(changed, signer.verifierKey()))
        .isInstanceOf(InvalidNoteException.class).hasMessageContaining("does not verify");
    VerifierKey other = CheckpointSigner.of(ORIGIN, generate()).verifierKey();
    assertThatThrownBy(() -> SignedCheckpoint.open(note, other)).isInstanceOf(InvalidNoteException.class).hasMessageContaining("no signature by");
    String cosigned = note + "\u2014 witness.example " + Base64.getEncoder().encodeToString(new byte[68]) + "\n";
    assertThat(SignedCheckpoint.open(cosigned, signer.verifierKey()).checkpoint()).as("unknown signatures are ignored").isEqualTo(checkpoint);
    assertThatThrownBy(() -> SignedCheckpoint.open(checkpoint.body(), signer.verifierKey())).isInstanceOf(InvalidNoteException.class);
  }

  @Test
  @DisplayName("A PKCS#8 key file, DER or PEM, gives the same signer as its key pair: the public key is derived from the private key")
  void pkcs8(@TempDir Path dir) throws Exception {
    Path der = Files.write(dir.resolve("key.der"), KEYS.getPrivate().getEncoded());
    Path pem = Files.writeString(dir.resolve("key.pem"),
        "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(KEYS.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    assertThat(CheckpointSigner.fromPkcs8(ORIGIN, der).verifierKey()).isEqualTo(signer.verifierKey());
    assertThat(CheckpointSigner.fromPkcs8(ORIGIN, pem).verifierKey()).isEqualTo(signer.verifierKey());
    String note = CheckpointSigner.fromPkcs8(ORIGIN, pem).sign(checkpoint).note();
    assertThat(SignedCheckpoint.open(note, signer.verifierKey()).checkpoint()).isEqualTo(checkpoint);
    Path garbage = Files.write(dir.resolve("bad.der"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> CheckpointSigner.fromPkcs8(ORIGIN, garbage)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8");
  }

  @Test
  @DisplayName("A key pair whose halves do not match, or a key that is not Ed25519, is refused when the signer is made")
  void badKeys() throws Exception {
    KeyPair mixed = new KeyPair(generate().getPublic(), KEYS.getPrivate());
    assertThatThrownBy(() -> CheckpointSigner.of(ORIGIN, mixed)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not match");
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
    assertThatThrownBy(() -> CheckpointSigner.of(ORIGIN, ec)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519");
    assertThatThrownBy(() -> CheckpointSigner.of("has space", KEYS)).isInstanceOf(IllegalArgumentException.class);
  }

}
