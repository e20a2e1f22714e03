#include "ingest/content/digests.hpp"

#include <fuzzy.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <tlsh.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <system_error>
#include <thread>

namespace ts::ingest::content {
namespace {

// The libraries take unsigned int / uint32 lengths; chunks also keep the
// pass over the four cryptographic digests and ssdeep cache-friendly.
constexpr std::size_t kChunk = 256 * 1024;
// TLSH costs about as much as all the other digests together, so large
// inputs compute it on a second thread; for small ones a thread costs more
// than it saves.
constexpr std::size_t kParallelFrom = 1 << 20;

struct EvpFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using EvpCtx = std::unique_ptr<EVP_MD_CTX, EvpFree>;

struct FuzzyFree {
  void operator()(fuzzy_state* state) const { fuzzy_free(state); }
};

const unsigned char* Bytes(std::string_view data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}

std::string Hex(const unsigned char* bytes, unsigned int n) {
  std::string out(std::size_t{n} * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();  // the terminating NUL
  return out;
}

// md5, sha1, sha256, sha512 and ssdeep in one pass over the bytes.
void CryptoAndSsdeep(std::string_view data, Digests& out) {
  const std::array<const EVP_MD*, 4> kinds = {EVP_md5(), EVP_sha1(), EVP_sha256(), EVP_sha512()};
  std::array<EvpCtx, 4> ctx;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    ctx[i].reset(EVP_MD_CTX_new());
    // Allocation failure of a few hundred bytes is not recoverable here.
    if (!ctx[i] || EVP_DigestInit_ex(ctx[i].get(), kinds[i], nullptr) != 1) std::abort();
  }
  std::unique_ptr<fuzzy_state, FuzzyFree> fuzzy(fuzzy_new());
  if (!fuzzy) std::abort();
  // Knowing the length up front lets libfuzzy track only the block sizes
  // that can win.
  fuzzy_set_total_input_length(fuzzy.get(), data.size());
  for (std::size_t at = 0; at < data.size(); at += kChunk) {
    const std::size_t n = std::min(kChunk, data.size() - at);
    for (auto& c : ctx) EVP_DigestUpdate(c.get(), Bytes(data) + at, n);
    fuzzy_update(fuzzy.get(), Bytes(data) + at, n);
  }
  std::array<std::string*, 4> hex = {&out.md5, &out.sha1, &out.sha256, &out.sha512};
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx[i].get(), md, &len);
    *hex[i] = Hex(md, len);
  }
  char fuzzy_out[FUZZY_MAX_RESULT] = {};
  if (fuzzy_digest(fuzzy.get(), fuzzy_out, 0) == 0) out.ssdeep = fuzzy_out;
}

std::string TlshOf(std::string_view data) {
  Tlsh tlsh;
  for (std::size_t at = 0; at < data.size(); at += kChunk) {
    const std::size_t n = std::min(kChunk, data.size() - at);
    tlsh.update(Bytes(data) + at, static_cast<unsigned int>(n));
  }
  tlsh.final();
  // getHash() returns "" when the input was too short or too uniform. This
  // library build prints the 70 digits without the "T1" version prefix
  // that current tools (tlsh 4.x, py-tlsh) print and exchange: add it.
  const char* h = tlsh.getHash();
  if (h == nullptr || *h == '\0') return {};
  return std::string_view(h).starts_with("T1") ? std::string(h) : "T1" + std::string(h);
}

}  // namespace

Digests ComputeDigests(std::string_view data) {
  Digests out;
  std::string tlsh;
  {
    std::jthread worker;  // joined at the end of this block, even on unwinding
    if (data.size() >= kParallelFrom) {
      try {
        worker = std::jthread([&] { tlsh = TlshOf(data); });
      } catch (const std::system_error&) {
        // No thread to be had: TLSH is computed here below.
      }
    }
    CryptoAndSsdeep(data, out);
    if (!worker.joinable()) tlsh = TlshOf(data);
  }
  out.tlsh = std::move(tlsh);
  return out;
}

}  // namespace ts::ingest::content
