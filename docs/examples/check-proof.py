#!/usr/bin/env python3
"""Checks a Safegate inclusion proof (safegate audit prove, or the "audit" member of a receipt)
with nothing but the Python standard library and the openssl command.

    python3 check-proof.py PROOF.json AUDIT_CERT.pem

Exit 0 when the event is in the tree the checkpoint signs and the signature verifies; 1 otherwise.
"""
import base64, hashlib, json, subprocess, sys, tempfile, os

def sha256(data):
    return hashlib.sha256(data).digest()

def root_from_path(index, size, leaf, path):
    # RFC 9162 section 2.1.3.2
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = sha256(b"\x01" + p + r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = sha256(b"\x01" + r + p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None

def main(proof_file, cert_file):
    proof = json.load(open(proof_file))
    if "audit" in proof:            # a receipt: its proof is the "audit" member
        proof = proof["audit"]
    canonical = base64.b64decode(proof["canonical"])
    leaf = sha256(b"\x00" + canonical)
    if leaf.hex() != proof["leafHash"]:
        return "leafHash is not SHA-256(0x00 || canonical)"
    root = root_from_path(proof["leafIndex"], proof["treeSize"], leaf, [bytes.fromhex(h) for h in proof["path"]])
    if root is None or root.hex() != proof["rootHash"]:
        return "the path does not lead to rootHash"
    text, _, signatures = proof["checkpoint"].rpartition("\n\n")
    text += "\n"
    lines = text.split("\n")
    if int(lines[1]) != proof["treeSize"] or base64.b64decode(lines[2]) != root:
        return "the checkpoint is not of this tree"
    signature = base64.b64decode(signatures.strip().split(" ")[2])[4:]   # after the 4-byte key id
    with tempfile.TemporaryDirectory() as tmp:
        paths = {n: os.path.join(tmp, n) for n in ("note", "sig", "pub")}
        open(paths["note"], "wb").write(text.encode("utf-8"))
        open(paths["sig"], "wb").write(signature)
        subprocess.run(["openssl", "x509", "-in", cert_file, "-pubkey", "-noout", "-out", paths["pub"]], check=True)
        checked = subprocess.run(["openssl", "dgst", "-sha256", "-verify", paths["pub"], "-signature", paths["sig"],
                                  paths["note"]], capture_output=True)
    if checked.returncode != 0:
        return "the checkpoint's signature does not verify with the certificate"
    event = json.loads(canonical)
    print("event %d (%s, transfer %s) is in the signed tree of %d events" % (
        event["seq"], event["type"], event["transfer"], proof["treeSize"]))
    return None

if __name__ == "__main__":
    problem = main(sys.argv[1], sys.argv[2])
    if problem:
        print("NOT PROVEN: " + problem)
        sys.exit(1)
