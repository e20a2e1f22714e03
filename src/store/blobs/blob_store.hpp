// The content-addressed, encrypted store of sample bytes. A blob is named by
// the SHA-256 of its plaintext (DATA/blobs/ab/abcdef...), so storing the same
// bytes twice keeps one copy. Its file holds only ciphertext: libsodium's
// crypto_secretstream_xchacha20poly1305 in 64 KiB chunks under one key per
// data directory, with the blob's name bound to the stream as associated
// data so that a file copied under another name fails to open.
//
// Plaintext never reaches the disk: a blob is written as ciphertext to a
// temporary file in DATA/blobs/tmp, flushed, then renamed into place, so a
// crash leaves either the whole blob or none (and stray temporaries, which
// Open removes). Get verifies every chunk's tag and the plaintext's SHA-256.
//
// The key is 32 random bytes in DATA/blob.key (created 0600 on first use),
// or 64 hex digits in $THREATSHARE_BLOB_KEY, which wins when set.
//
// Thread-safety: any number of threads may Put and Get at once; writers of
// the same blob race harmlessly (the rename is atomic, contents identical).
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace ts::store {

class BlobStore {
 public:
  static constexpr std::size_t kKeyBytes = 32;
  static constexpr std::size_t kChunkBytes = 64 * 1024;

  // Opens (creating if needed) the blob folder and key of a data directory.
  static Result<BlobStore> Open(const std::filesystem::path& data_dir);

  // Stores `plaintext`; returns its SHA-256 in lower-case hex. Storing bytes
  // already present only checks that their file exists.
  Result<std::string> Put(std::string_view plaintext);
  // The plaintext of a blob; NotFound when absent, Internal when the file
  // was altered, truncated or is not this blob (authentication failed).
  Result<std::string> Get(const std::string& sha256) const;
  bool Contains(const std::string& sha256) const;
  // Removes a blob (no error when absent).
  Status Remove(const std::string& sha256);

  // Where a blob's file lives (whether or not it exists).
  std::filesystem::path PathOf(const std::string& sha256) const;

 private:
  BlobStore(std::filesystem::path root, std::array<unsigned char, kKeyBytes> key)
      : root_(std::move(root)), key_(key) {}

  std::filesystem::path root_;  // DATA/blobs
  std::array<unsigned char, kKeyBytes> key_;
};

// True when `s` is 64 lower-case hex digits (a SHA-256 as we name blobs).
bool IsSha256Hex(std::string_view s);

}  // namespace ts::store
