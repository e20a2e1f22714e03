#include "ingest/mail/storage_services.hpp"

namespace ts::ingest::mail {
namespace {

// Hosts that serve user-uploaded files for download. Services whose whole
// domain is file sharing are listed by that domain; general sites only by
// the host that serves files (drive.google.com, not google.com).
constexpr std::string_view kServices[] = {
    // global cloud storage
    "dropbox.com", "dropboxusercontent.com", "db.tt", "drive.google.com", "docs.google.com",
    "drive.usercontent.google.com", "storage.googleapis.com", "onedrive.live.com", "1drv.ms",
    "1drv.com", "sharepoint.com", "box.com", "box.net", "boxcloud.com", "icloud.com", "mega.nz",
    "mega.co.nz", "mega.io", "pcloud.com", "pcloud.link", "sync.com", "mediafire.com",
    "4shared.com", "s3.amazonaws.com", "blob.core.windows.net", "cdn.discordapp.com",
    "media.discordapp.net", "filedn.com", "dl.free.fr", "yadi.sk", "disk.yandex.ru",
    "disk.yandex.com", "cloud.mail.ru",
    // transfer and upload services
    "wetransfer.com", "we.tl", "sendspace.com", "sendanywhere.com", "send-anywhere.com",
    "filemail.com", "transfer.sh", "file.io", "gofile.io", "anonfiles.com", "catbox.moe",
    "files.catbox.moe", "ufile.io", "zippyshare.com", "1fichier.com", "uploaded.net",
    "rapidgator.net", "ge.tt", "jumpshare.com", "smash.gg", "tmpfiles.org", "temp.sh", "dosya.tc",
    "pixeldrain.com", "krakenfiles.com", "workupload.com", "easyupload.io",
    // Japanese file-sharing and storage services
    "firestorage.jp", "gigafile.nu", "xgf.nu", "datadeliver.net", "axfc.net", "box.yahoo.co.jp",
    "filebank.co.jp", "bitsend.jp", "wetransfer.jp", "fileforce.jp", "ux.getuploader.com",
    "getuploader.com", "puu.sh", "ipfs.io"};

}  // namespace

std::string_view StorageService(std::string_view host) {
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  for (const std::string_view service : kServices) {
    if (host == service) return service;
    if (host.size() > service.size() && host.ends_with(service) &&
        host[host.size() - service.size() - 1] == '.')
      return service;
  }
  return {};
}

}  // namespace ts::ingest::mail
