#include "hunt/input.hpp"

#include <fcntl.h>
#include <glob.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

namespace ts::hunt {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kReadSize = 1 << 20;
constexpr unsigned char kGzipMagic[] = {0x1f, 0x8b};
constexpr unsigned char kZstdMagic[] = {0x28, 0xb5, 0x2f, 0xfd};

bool StartsWith(std::string_view data, const unsigned char* magic, std::size_t n) {
  return data.size() >= n && std::memcmp(data.data(), magic, n) == 0;
}

Error FileError(const std::string& name, const std::string& what) {
  return Error::Invalid(name + ": " + what);
}

// Standard input or a pipe, with bytes already read for sniffing put back.
class FdStream : public ByteStream {
 public:
  FdStream(int fd, std::string name, std::string prefix)
      : fd_(fd), name_(std::move(name)), prefix_(std::move(prefix)) {}
  ~FdStream() override {
    if (fd_ != STDIN_FILENO) close(fd_);
  }
  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    if (prefix_at_ < prefix_.size()) {
      const std::size_t n = std::min(size, prefix_.size() - prefix_at_);
      std::memcpy(buffer, prefix_.data() + prefix_at_, n);
      prefix_at_ += n;
      consumed_ += n;
      return n;
    }
    for (;;) {
      const ssize_t n = read(fd_, buffer, size);
      if (n >= 0) {
        consumed_ += static_cast<std::size_t>(n);
        return static_cast<std::size_t>(n);
      }
      if (errno != EINTR) return FileError(name_, std::string("read failed: ") + strerror(errno));
    }
  }
  std::size_t consumed() const override { return consumed_; }

 private:
  int fd_;
  std::string name_;
  std::string prefix_;
  std::size_t prefix_at_ = 0;
  std::size_t consumed_ = 0;
};

// The compressed bytes of a mapped file.
class MappedStream : public ByteStream {
 public:
  explicit MappedStream(std::unique_ptr<MappedFile> file) : file_(std::move(file)) {}
  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    const std::string_view rest = file_->text().substr(at_);
    const std::size_t n = std::min(size, rest.size());
    std::memcpy(buffer, rest.data(), n);
    at_ += n;
    return n;
  }
  std::size_t consumed() const override { return at_; }

 private:
  std::unique_ptr<MappedFile> file_;
  std::size_t at_ = 0;
};

// gzip, including files of several concatenated members (as logrotate and
// `cat a.gz b.gz` make them).
class GzipStream : public ByteStream {
 public:
  GzipStream(std::unique_ptr<ByteStream> source, std::string name)
      : source_(std::move(source)), name_(std::move(name)), in_(kReadSize) {
    inflateInit2(&z_, 16 + MAX_WBITS);
  }
  ~GzipStream() override { inflateEnd(&z_); }

  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    z_.next_out = reinterpret_cast<Bytef*>(buffer);
    z_.avail_out = static_cast<uInt>(size);
    while (z_.avail_out == size && !finished_) {
      if (z_.avail_in == 0) {
        auto n = source_->Read(in_.data(), in_.size());
        if (!n) return n.error();
        if (*n == 0) {
          if (in_member_) return FileError(name_, "truncated gzip data");
          finished_ = true;
          break;
        }
        z_.next_in = reinterpret_cast<Bytef*>(in_.data());
        z_.avail_in = static_cast<uInt>(*n);
      }
      in_member_ = true;
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return FileError(name_, std::string("corrupt gzip data: ") + (z_.msg ? z_.msg : "error"));
      }
    }
    return size - z_.avail_out;
  }
  std::size_t consumed() const override { return source_->consumed(); }

 private:
  std::unique_ptr<ByteStream> source_;
  std::string name_;
  std::vector<char> in_;
  z_stream z_{};
  bool in_member_ = false;
  bool finished_ = false;
};

class ZstdStream : public ByteStream {
 public:
  ZstdStream(std::unique_ptr<ByteStream> source, std::string name)
      : source_(std::move(source)),
        name_(std::move(name)),
        in_(kReadSize),
        dctx_(ZSTD_createDCtx()) {}
  ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }

  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    ZSTD_outBuffer out{buffer, size, 0};
    while (out.pos == 0 && !finished_) {
      if (input_.pos == input_.size) {
        auto n = source_->Read(in_.data(), in_.size());
        if (!n) return n.error();
        if (*n == 0) {
          if (in_frame_) return FileError(name_, "truncated zstd data");
          finished_ = true;
          break;
        }
        input_ = ZSTD_inBuffer{in_.data(), *n, 0};
      }
      const std::size_t rc = ZSTD_decompressStream(dctx_, &out, &input_);
      if (ZSTD_isError(rc))
        return FileError(name_, std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc));
      in_frame_ = rc != 0;
    }
    return out.pos;
  }
  std::size_t consumed() const override { return source_->consumed(); }

 private:
  std::unique_ptr<ByteStream> source_;
  std::string name_;
  std::vector<char> in_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  ZSTD_DCtx* dctx_;
  bool in_frame_ = false;
  bool finished_ = false;
};

Result<OpenedInput> Decompressing(std::unique_ptr<ByteStream> source, std::string_view magic,
                                  const std::string& name, OpenedInput opened) {
  if (StartsWith(magic, kGzipMagic, sizeof kGzipMagic)) {
    opened.stream = std::make_unique<GzipStream>(std::move(source), name);
    opened.compression = "gzip";
  } else if (StartsWith(magic, kZstdMagic, sizeof kZstdMagic)) {
    opened.stream = std::make_unique<ZstdStream>(std::move(source), name);
    opened.compression = "zstd";
  } else {
    opened.stream = std::move(source);
  }
  return opened;
}

bool IsGlob(const std::string& s) {
  return s.find_first_of("*?[") != std::string::npos;
}

}  // namespace

MappedFile::~MappedFile() {
  if (size_ > 0) munmap(const_cast<void*>(data_), size_);
}

void Prefault(std::string_view part) {
#ifdef MADV_POPULATE_READ
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<std::uintptr_t>(part.data()) & ~(page - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(part.data() + part.size());
  if (!part.empty()) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_READ);
#else
  (void)part;
#endif
}

void Release(std::string_view part) {
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto begin = (reinterpret_cast<std::uintptr_t>(part.data()) + page - 1) & ~(page - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(part.data() + part.size()) & ~(page - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg == "-") {
      files.push_back(arg);
    } else if (fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(arg, ec); !ec && it != fs::end(it);
           it.increment(ec))
        if (it->is_regular_file(ec)) found.push_back(it->path().string());
      if (ec) return FileError(arg, "cannot list the directory: " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(arg, ec)) {
      files.push_back(arg);
    } else if (IsGlob(arg)) {
      glob_t matches{};
      const int rc = glob(arg.c_str(), 0, nullptr, &matches);
      std::vector<std::string> found(matches.gl_pathv, matches.gl_pathv + matches.gl_pathc);
      globfree(&matches);
      if (rc != 0 || found.empty()) return FileError(arg, "no file matches the pattern");
      // Each match may itself be a directory.
      auto expanded = ExpandInputs(found);
      if (!expanded) return expanded;
      files.insert(files.end(), expanded->begin(), expanded->end());
    } else {
      return FileError(arg, "no such file or directory");
    }
  }
  return files;
}

Result<OpenedInput> OpenInput(const std::string& name) {
  OpenedInput opened;
  if (name == "-") {
    // Read enough to recognise a compressed stream, then put it back.
    std::string prefix(sizeof kZstdMagic, '\0');
    std::size_t got = 0;
    while (got < prefix.size()) {
      const ssize_t n = read(STDIN_FILENO, prefix.data() + got, prefix.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return FileError("-", std::string("read failed: ") + strerror(errno));
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    prefix.resize(got);
    const std::string magic = prefix;
    return Decompressing(std::make_unique<FdStream>(STDIN_FILENO, "-", std::move(prefix)), magic,
                         name, std::move(opened));
  }
  const int fd = open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return FileError(name, std::string("cannot open: ") + strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    // A pipe or device: stream it.
    char magic[sizeof kZstdMagic];
    const ssize_t n = read(fd, magic, sizeof magic);
    std::string prefix(magic, static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    const std::string sniff = prefix;
    return Decompressing(std::make_unique<FdStream>(fd, name, std::move(prefix)), sniff, name,
                         std::move(opened));
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  opened.file_size = size;
  void* data = nullptr;
  if (size > 0) {
    data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) {
      const int error = errno;
      close(fd);
      return FileError(name, std::string("cannot map: ") + strerror(error));
    }
    // Advice only: a failure changes speed, not results.
    madvise(data, size, MADV_SEQUENTIAL);
    madvise(data, size, MADV_WILLNEED);
  }
  close(fd);
  auto mapped = std::make_unique<MappedFile>(data, size);
  const std::string_view text = mapped->text();
  const bool compressed = StartsWith(text, kGzipMagic, sizeof kGzipMagic) ||
                          StartsWith(text, kZstdMagic, sizeof kZstdMagic);
  if (!compressed) {
    opened.mapped = std::move(mapped);
    return opened;
  }
  const std::string magic(text.substr(0, sizeof kZstdMagic));
  return Decompressing(std::make_unique<MappedStream>(std::move(mapped)), magic, name,
                       std::move(opened));
}

}  // namespace ts::hunt
