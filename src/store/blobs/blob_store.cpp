#include "store/blobs/blob_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include "util/crypto.hpp"

namespace ts::store {
namespace {

namespace fs = std::filesystem;

// Identifies the file format; a later format gets a new magic.
constexpr std::string_view kMagic = "TSBLOB1\n";
constexpr std::size_t kHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kTagBytes = crypto_secretstream_xchacha20poly1305_ABYTES;
// Temporaries older than this belong to no running writer.
constexpr auto kStaleTemporary = std::chrono::hours(1);

std::string Errno(const std::string& what) {
  return what + ": " + std::strerror(errno);
}

// Closes a descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

Status WriteAll(int fd, const unsigned char* data, std::size_t size, const fs::path& path) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error::Internal(Errno("cannot write " + path.string()));
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return {};
}

void SyncDirectory(const fs::path& dir) {
  Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY)};
  if (d.fd >= 0) ::fsync(d.fd);
}

Result<std::array<unsigned char, BlobStore::kKeyBytes>> KeyFromHex(std::string_view hex) {
  std::array<unsigned char, BlobStore::kKeyBytes> key{};
  std::size_t len = 0;
  if (hex.size() != key.size() * 2 ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != key.size())
    return Error::Invalid("THREATSHARE_BLOB_KEY must be 64 hex digits (a 32-byte key)");
  return key;
}

// Reads DATA/blob.key, creating it with a random key (mode 0600) when absent.
Result<std::array<unsigned char, BlobStore::kKeyBytes>> KeyFromFile(const fs::path& file) {
  std::array<unsigned char, BlobStore::kKeyBytes> key{};
  Fd created{::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
  if (created.fd >= 0) {
    randombytes_buf(key.data(), key.size());
    TS_TRY(WriteAll(created.fd, key.data(), key.size(), file));
    if (::fsync(created.fd) != 0) return Error::Internal(Errno("cannot sync " + file.string()));
    SyncDirectory(file.parent_path());
    return key;
  }
  if (errno != EEXIST) return Error::Internal(Errno("cannot create " + file.string()));
  // Another process may be writing it right now: a short file is retried.
  for (int attempt = 0; attempt < 50; ++attempt) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error::Internal("cannot read " + file.string());
    in.read(reinterpret_cast<char*>(key.data()), static_cast<std::streamsize>(key.size()));
    if (static_cast<std::size_t>(in.gcount()) == key.size() && in.peek() == EOF) return key;
    ::usleep(10000);
  }
  return Error::Internal(file.string() + " must hold exactly 32 bytes");
}

void RemoveStaleTemporaries(const fs::path& tmp) {
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (const auto& entry : fs::directory_iterator(tmp, ec)) {
    auto written = entry.last_write_time(ec);
    if (!ec && now - written > kStaleTemporary) fs::remove(entry.path(), ec);
  }
}

}  // namespace

bool IsSha256Hex(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

Result<BlobStore> BlobStore::Open(const fs::path& data_dir) {
  InitSodium();
  fs::path root = data_dir / "blobs";
  std::error_code ec;
  fs::create_directories(root / "tmp", ec);
  if (ec) return Error::Internal("cannot create " + (root / "tmp").string() + ": " + ec.message());
  RemoveStaleTemporaries(root / "tmp");
  std::array<unsigned char, kKeyBytes> key{};
  if (const char* hex = std::getenv("THREATSHARE_BLOB_KEY"); hex && *hex) {
    auto k = KeyFromHex(hex);
    if (!k) return k.error();
    key = *k;
  } else {
    auto k = KeyFromFile(data_dir / "blob.key");
    if (!k) return k.error();
    key = *k;
  }
  return BlobStore(std::move(root), key);
}

fs::path BlobStore::PathOf(const std::string& sha256) const {
  return root_ / sha256.substr(0, 2) / sha256;
}

bool BlobStore::Contains(const std::string& sha256) const {
  std::error_code ec;
  return IsSha256Hex(sha256) && fs::is_regular_file(PathOf(sha256), ec);
}

Result<std::string> BlobStore::Put(std::string_view plaintext) {
  std::string sha256 = Sha256Hex(plaintext);
  if (Contains(sha256)) return sha256;
  const fs::path tmp = root_ / "tmp" / (RandomToken(12) + ".tmp");
  Fd out{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
  if (out.fd < 0) return Error::Internal(Errno("cannot create " + tmp.string()));
  auto fail = [&](Error e) -> Error {
    std::error_code ec;
    fs::remove(tmp, ec);
    return e;
  };

  crypto_secretstream_xchacha20poly1305_state state;
  unsigned char header[kHeaderBytes];
  crypto_secretstream_xchacha20poly1305_init_push(&state, header, key_.data());
  Status st =
      WriteAll(out.fd, reinterpret_cast<const unsigned char*>(kMagic.data()), kMagic.size(), tmp);
  if (st.ok()) st = WriteAll(out.fd, header, sizeof header, tmp);
  std::vector<unsigned char> cipher(kChunkBytes + kTagBytes);
  const auto* ad = reinterpret_cast<const unsigned char*>(sha256.data());
  std::size_t pos = 0;
  // Always at least one chunk: the final tag marks the end even of an empty blob.
  do {
    if (!st.ok()) return fail(st.error());
    std::size_t n = std::min(kChunkBytes, plaintext.size() - pos);
    const bool last = pos + n == plaintext.size();
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &state, cipher.data(), &clen,
        reinterpret_cast<const unsigned char*>(plaintext.data()) + pos, n, ad, sha256.size(),
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
             : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    st = WriteAll(out.fd, cipher.data(), static_cast<std::size_t>(clen), tmp);
    pos += n;
  } while (pos < plaintext.size());
  if (!st.ok()) return fail(st.error());
  if (::fsync(out.fd) != 0) return fail(Error::Internal(Errno("cannot sync " + tmp.string())));

  const fs::path target = PathOf(sha256);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return fail(Error::Internal("cannot create " + target.parent_path().string()));
  if (::rename(tmp.c_str(), target.c_str()) != 0)
    return fail(Error::Internal(Errno("cannot rename into " + target.string())));
  SyncDirectory(target.parent_path());
  return sha256;
}

Result<std::string> BlobStore::Get(const std::string& sha256) const {
  if (!IsSha256Hex(sha256)) return Error::NotFound("blob");
  const fs::path path = PathOf(sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::NotFound("blob");
  const auto damaged = [&](std::string why) {
    return Error::Internal("blob " + sha256 + " is damaged: " + why);
  };

  std::string magic(kMagic.size(), '\0');
  unsigned char header[kHeaderBytes];
  in.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  in.read(reinterpret_cast<char*>(header), sizeof header);
  if (!in || magic != kMagic) return damaged("bad header");
  crypto_secretstream_xchacha20poly1305_state state;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state, header, key_.data()) != 0)
    return damaged("bad header");

  std::string plain;
  std::vector<unsigned char> cipher(kChunkBytes + kTagBytes);
  std::vector<unsigned char> chunk(kChunkBytes);
  const auto* ad = reinterpret_cast<const unsigned char*>(sha256.data());
  unsigned char tag = 0;
  while (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
    in.read(reinterpret_cast<char*>(cipher.data()), static_cast<std::streamsize>(cipher.size()));
    auto got = static_cast<std::size_t>(in.gcount());
    if (got < kTagBytes) return damaged("truncated");
    unsigned long long mlen = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&state, chunk.data(), &mlen, &tag, cipher.data(),
                                                   got, ad, sha256.size()) != 0)
      return damaged("authentication failed");
    plain.append(reinterpret_cast<const char*>(chunk.data()), static_cast<std::size_t>(mlen));
    if (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL && got < cipher.size())
      return damaged("truncated");
  }
  if (in.peek() != EOF) return damaged("data after the final chunk");
  if (Sha256Hex(plain) != sha256) return damaged("content does not match its name");
  return plain;
}

Status BlobStore::Remove(const std::string& sha256) {
  if (!IsSha256Hex(sha256)) return {};
  std::error_code ec;
  fs::remove(PathOf(sha256), ec);
  if (ec) return Error::Internal("cannot remove blob " + sha256 + ": " + ec.message());
  return {};
}

}  // namespace ts::store
