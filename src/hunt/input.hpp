// Where log text comes from: the command line's names expanded (directories
// recursively, glob patterns, "-" for standard input), and each one opened
// as either a memory map (plain files: scanned in place, split across
// threads) or a byte stream (standard input, pipes, and gzip or zstd data,
// recognised by their magic bytes rather than by the file name).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace ts::hunt {

// The files named by `args`, in order: a directory stands for the regular
// files under it (sorted, recursively), a name that does not exist but
// holds * ? or [ is a glob pattern. Invalid error naming the argument when
// something named does not exist or a pattern matches nothing.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& args);

// A read-only memory map of a whole file; unmapped on destruction.
class MappedFile {
 public:
  MappedFile(const void* data, std::size_t size) : data_(data), size_(size) {}
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view text() const { return {static_cast<const char*>(data_), size_}; }

 private:
  const void* data_;
  std::size_t size_;
};

// Maps the pages of `part` (a piece of a MappedFile's text, in the page
// cache) into the process in one call, so that scanning it takes no page
// faults: one call per megabytes costs less than a fault per 64 KB. Advice
// only; on kernels without MADV_POPULATE_READ (before 5.14) it does nothing.
void Prefault(std::string_view part);
// Drops the page mappings of the whole pages inside `part` once it has been
// scanned: the pages stay in the page cache and the mapping stays valid,
// but the threads share the teardown of a big mapping as they go instead
// of one thread unmapping a gigabyte's worth at the end.
void Release(std::string_view part);

// Sequential bytes; Read returns 0 at the end.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Fills up to `size` bytes of `buffer`; Invalid error on corrupt data.
  virtual Result<std::size_t> Read(char* buffer, std::size_t size) = 0;
  // Bytes of the underlying file consumed so far, for progress.
  virtual std::size_t consumed() const = 0;
};

struct OpenedInput {
  std::unique_ptr<MappedFile> mapped;  // plain file: scan mapped->text()
  std::unique_ptr<ByteStream> stream;  // otherwise
  std::size_t file_size = 0;           // 0 when unknown (standard input, pipes)
  std::string compression;             // "", "gzip" or "zstd"
};

// Opens `name` ("-" is standard input). Invalid error naming the file.
Result<OpenedInput> OpenInput(const std::string& name);

}  // namespace ts::hunt
