// IdentifyFileType: libmagic's description and MIME type next to our own
// kind. A magic_t is not safe to share between threads, so each thread
// opens its own pair on first use and keeps them for its lifetime.
#include <magic.h>

#include <memory>
#include <string>

#include "ingest/content/file_type.hpp"

namespace ts::ingest::content {
namespace {

struct MagicClose {
  void operator()(magic_set* m) const { magic_close(m); }
};
using Magic = std::unique_ptr<magic_set, MagicClose>;

Magic OpenMagic(int flags) {
  Magic m(magic_open(flags));
  // No database means no description; our own kind still works.
  if (m && magic_load(m.get(), nullptr) != 0) m.reset();
  return m;
}

std::string Describe(magic_set* m, std::string_view data) {
  if (m == nullptr) return {};
  // An empty view may have no pointer at all; libmagic wants one.
  const char* text = magic_buffer(m, data.empty() ? "" : data.data(), data.size());
  return text != nullptr ? std::string(text) : std::string();
}

}  // namespace

FileType IdentifyFileType(std::string_view data) {
  // MAGIC_NO_CHECK_COMPRESS: never decompress inside libmagic (archives are
  // opened, with limits, by WalkArchive); MAGIC_ERROR: report unreadable
  // input as an error instead of a guess.
  thread_local Magic description = OpenMagic(MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
  thread_local Magic mime = OpenMagic(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
  FileType type;
  type.kind = ClassifyContent(data);
  type.description = Describe(description.get(), data);
  type.mime = Describe(mime.get(), data);
  return type;
}

}  // namespace ts::ingest::content
