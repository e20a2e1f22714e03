#include "hunt/scanner.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "hunt/input.hpp"
#include "hunt/line_scanner.hpp"
#include "hunt/progress.hpp"

namespace ts::hunt {
namespace {

// Enough lines to judge the format by and to hold any header.
constexpr std::size_t kHeadBytes = 64 << 10;
// Mapped files are cut into chunks of about this size, handed out one at a
// time: small enough that the threads finish within a few milliseconds of
// each other (a thread scans 4 MB in under 10 ms; with 8 big chunks per
// thread, one thread used to scan the last one alone for 0.1 s), big
// enough that handing out and prefaulting cost nothing.
constexpr std::size_t kChunk = 4 << 20;
// Streams: the block cut for scanning, and blocks in flight per thread.
constexpr std::size_t kStreamBlock = 4 << 20;
constexpr std::size_t kBlocksInFlight = 2;

std::vector<std::string_view> SplitAtLines(std::string_view text, std::size_t target) {
  std::vector<std::string_view> chunks;
  while (!text.empty()) {
    std::size_t end = std::min(target, text.size());
    if (end < text.size()) {
      const std::size_t newline = text.find('\n', end - 1);
      end = newline == std::string_view::npos ? text.size() : newline + 1;
    }
    chunks.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return chunks;
}

// Puts the blocks' counts and hits into `file`, renumbering lines.
void Merge(std::vector<BlockResult>& blocks, FileResult& file) {
  for (BlockResult& block : blocks) {
    for (Hit& hit : block.hits) {
      hit.file = file.name;
      hit.line += file.lines;
      file.hits.push_back(std::move(hit));
    }
    file.lines += block.lines;
    file.malformed += block.malformed;
    file.lines_with_hits += block.lines_with_hits;
  }
}

Result<std::unique_ptr<LogParser>> ParserFor(const std::string& name, std::string_view head,
                                             const ScanOptions& options, FileResult& file) {
  file.format = options.format ? *options.format : DetectLogFormat(head);
  auto parser = MakeLogParser(file.format, head);
  if (!parser) return Error::Invalid(name + ": " + parser.error().message);
  return parser;
}

Status ScanMapped(std::string_view text, const IndicatorSet& indicators, const ScanOptions& options,
                  Progress& progress, FileResult& file) {
  auto parser = ParserFor(file.name, text.substr(0, kHeadBytes), options, file);
  if (!parser) return parser.error();
  file.bytes = text.size();
  const std::vector<std::string_view> chunks = SplitAtLines(text, kChunk);
  std::vector<BlockResult> results(chunks.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    LineScanner scanner(indicators, **parser);
    for (std::size_t i; (i = next.fetch_add(1)) < chunks.size();) {
      Prefault(chunks[i]);
      scanner.Scan(chunks[i], results[i]);
      Release(chunks[i]);
      progress.Add(chunks[i].size());
    }
  };
  const std::size_t helpers = std::min<std::size_t>(options.threads, chunks.size()) - 1;
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < helpers && chunks.size() > 1; ++i) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  Merge(results, file);
  return {};
}

// Cuts a stream into blocks of whole lines.
class BlockReader {
 public:
  explicit BlockReader(ByteStream& stream) : stream_(stream) {}

  // The next block (empty at the end) of about `size` bytes.
  Result<std::string> Next(std::size_t size) {
    std::string block = std::move(carry_);
    carry_.clear();
    // A line longer than a block makes the block longer.
    while ((block.size() < size || block.find('\n') == std::string::npos) && !ended_) {
      const std::size_t at = block.size();
      block.resize(std::max(size, at + (64 << 10)));
      auto n = stream_.Read(block.data() + at, block.size() - at);
      if (!n) return n.error();
      block.resize(at + *n);
      ended_ = *n == 0;
    }
    if (!ended_) {
      const std::size_t newline = block.rfind('\n');
      if (newline != std::string::npos) {
        carry_ = block.substr(newline + 1);
        block.resize(newline + 1);
      }
    }
    return block;
  }

 private:
  ByteStream& stream_;
  std::string carry_;
  bool ended_ = false;
};

Status ScanStream(ByteStream& stream, const IndicatorSet& indicators, const ScanOptions& options,
                  Progress& progress, FileResult& file) {
  BlockReader reader(stream);
  std::size_t consumed = 0;
  auto next_block = [&]() -> Result<std::string> {
    auto block = reader.Next(kStreamBlock);
    progress.Add(stream.consumed() - consumed);
    consumed = stream.consumed();
    return block;
  };
  auto first = next_block();
  if (!first) return first.error();
  auto parser = ParserFor(file.name, std::string_view(*first).substr(0, kHeadBytes), options, file);
  if (!parser) return parser.error();

  std::vector<BlockResult> results;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::pair<std::size_t, std::string>> queue;
  bool done = false;
  auto work = [&] {
    LineScanner scanner(indicators, **parser);
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return done || !queue.empty(); });
      if (queue.empty()) return;
      auto [index, block] = std::move(queue.front());
      queue.pop_front();
      changed.notify_all();
      lock.unlock();
      BlockResult result;
      scanner.Scan(block, result);
      lock.lock();
      results[index] = std::move(result);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < options.threads; ++i) threads.emplace_back(work);

  Status status;
  std::string block = std::move(first).value();
  for (std::size_t index = 0; !block.empty(); ++index) {
    file.bytes += block.size();
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return queue.size() < options.threads * kBlocksInFlight; });
      results.resize(index + 1);
      queue.emplace_back(index, std::move(block));
    }
    changed.notify_all();
    auto next = next_block();
    if (!next) {
      status = next.error();
      break;
    }
    block = std::move(next).value();
  }
  {
    std::lock_guard lock(mutex);
    done = true;
  }
  changed.notify_all();
  for (std::thread& t : threads) t.join();
  if (!status.ok()) return status;
  Merge(results, file);
  return {};
}

std::uint64_t TotalSize(const std::vector<std::string>& files) {
  std::uint64_t total = 0;
  for (const std::string& name : files) {
    struct stat st {};
    if (name != "-" && stat(name.c_str(), &st) == 0 && S_ISREG(st.st_mode))
      total += static_cast<std::uint64_t>(st.st_size);
  }
  return total;
}

}  // namespace

Status Scan(const std::vector<std::string>& files, const IndicatorSet& indicators,
            const ScanOptions& options, const std::function<void(FileResult&)>& on_file) {
  Progress progress(TotalSize(files), options.progress);
  for (const std::string& name : files) {
    auto opened = OpenInput(name);
    if (!opened) return opened.error();
    FileResult file;
    file.name = name;
    file.compression = opened->compression;
    const Status status =
        opened->mapped ? ScanMapped(opened->mapped->text(), indicators, options, progress, file)
                       : ScanStream(*opened->stream, indicators, options, progress, file);
    if (!status.ok()) return status;
    on_file(file);
  }
  return {};
}

}  // namespace ts::hunt
