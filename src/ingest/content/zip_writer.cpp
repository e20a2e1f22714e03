#include "ingest/content/zip_writer.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <ctime>
#include <memory>

#include "ingest/content/archive_walk.hpp"

namespace ts::ingest::content {
namespace {

struct WriterFree {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryFree {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

la_ssize_t AppendToString(archive*, void* client, const void* buffer, size_t length) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

Error WriterError(archive* a) {
  const char* msg = archive_error_string(a);
  return Error::Internal(std::string("cannot build the zip: ") + (msg ? msg : "unknown error"));
}

}  // namespace

Result<std::string> MakeProtectedZip(std::string_view file_name, std::string_view data,
                                     const ProtectedZipOptions& options) {
  if (options.password.empty()) return Error::Invalid("the zip password is empty", "password");
  if (file_name.empty() || IsTraversalName(file_name))
    return Error::Invalid("file name '" + std::string(file_name) +
                              "' is empty or would be extracted outside the folder",
                          "name");
  std::unique_ptr<archive, WriterFree> a(archive_write_new());
  if (!a) return Error::Internal("out of memory building a zip");
  const char* encryption = options.encryption == ZipEncryption::kAes256 ? "zip:encryption=aes256"
                                                                        : "zip:encryption=zipcrypt";
  std::string out;
  if (archive_write_set_format_zip(a.get()) != ARCHIVE_OK ||
      archive_write_set_options(a.get(), encryption) != ARCHIVE_OK ||
      archive_write_set_passphrase(a.get(), options.password.c_str()) != ARCHIVE_OK ||
      // Emit exactly the zip, without padding to a tape block.
      archive_write_set_bytes_in_last_block(a.get(), 1) != ARCHIVE_OK ||
      archive_write_open2(a.get(), &out, nullptr, AppendToString, nullptr, nullptr) != ARCHIVE_OK)
    return WriterError(a.get());

  std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
  if (!entry) return Error::Internal("out of memory building a zip");
  archive_entry_set_pathname_utf8(entry.get(), std::string(file_name).c_str());
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), 0644);
  archive_entry_set_size(entry.get(), static_cast<la_int64_t>(data.size()));
  archive_entry_set_mtime(entry.get(), std::time(nullptr), 0);
  if (archive_write_header(a.get(), entry.get()) != ARCHIVE_OK) return WriterError(a.get());
  for (std::size_t at = 0; at < data.size();) {
    const la_ssize_t n = archive_write_data(a.get(), data.data() + at, data.size() - at);
    if (n <= 0) return WriterError(a.get());
    at += static_cast<std::size_t>(n);
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK) return WriterError(a.get());
  return out;
}

}  // namespace ts::ingest::content
