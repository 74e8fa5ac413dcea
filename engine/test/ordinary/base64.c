// base64: encodes each argument to base64 (RFC 4648, with padding), decodes it back and checks
// the round trip; also decodes a fixed string and rejects malformed input with a message.
// args: "" f fo foo foob fooba foobar "Hello, transformer!"
#include <stdio.h>
#include <string.h>

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static size_t encode(const unsigned char *in, size_t n, char *out) {
  size_t o = 0;
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)in[i] << 16;
    if (i + 1 < n) v |= (unsigned)in[i + 1] << 8;
    if (i + 2 < n) v |= in[i + 2];
    out[o++] = alphabet[v >> 18 & 63];
    out[o++] = alphabet[v >> 12 & 63];
    out[o++] = i + 1 < n ? alphabet[v >> 6 & 63] : '=';
    out[o++] = i + 2 < n ? alphabet[v & 63] : '=';
  }
  out[o] = '\0';
  return o;
}

static int value_of(char c) {
  const char *p = c ? strchr(alphabet, c) : NULL;
  return p ? (int)(p - alphabet) : -1;
}

// Returns the decoded length, or -1 with the offending position in *bad.
static int decode(const char *in, unsigned char *out, int *bad) {
  size_t n = strlen(in);
  if (n % 4) {
    *bad = (int)n;
    return -1;
  }
  int o = 0;
  for (size_t i = 0; i < n; i += 4) {
    int v[4];
    for (int k = 0; k < 4; k++) {
      v[k] = in[i + k] == '=' && i + 4 == n && k >= 2 ? 0 : value_of(in[i + k]);
      if (v[k] < 0) {
        *bad = (int)(i + k);
        return -1;
      }
    }
    unsigned w = (unsigned)(v[0] << 18 | v[1] << 12 | v[2] << 6 | v[3]);
    out[o++] = (unsigned char)(w >> 16);
    if (in[i + 2] != '=') out[o++] = (unsigned char)(w >> 8);
    if (in[i + 3] != '=') out[o++] = (unsigned char)w;
  }
  return o;
}

int main(int argc, char **argv) {
  char enc[256];
  unsigned char dec[192];
  int bad = 0;
  for (int i = 1; i < argc; i++) {
    size_t n = strlen(argv[i]);
    if (n > 180) continue;
    encode((const unsigned char *)argv[i], n, enc);
    int m = decode(enc, dec, &bad);
    int same = m == (int)n && memcmp(dec, argv[i], n) == 0;
    printf("\"%s\" -> \"%s\" %s\n", argv[i], enc, same ? "round-trips" : "BROKEN");
  }
  const char *inputs[] = {"VGhlIG1hY2hpbmUgcnVucyBD", "SGk/", "YWJj=ZGVm", "abc", "QUJD\x01"};
  for (int i = 0; i < 5; i++) {
    int m = decode(inputs[i], dec, &bad);
    if (m < 0) printf("decode error at offset %d\n", bad);
    else printf("decoded %d bytes: %.*s\n", m, m, (const char *)dec);
  }
  unsigned char bytes[256];
  for (int i = 0; i < 256; i++) bytes[i] = (unsigned char)(255 - i);
  encode(bytes, 30, enc);
  printf("binary: %s\n", enc);
  return 0;
}
