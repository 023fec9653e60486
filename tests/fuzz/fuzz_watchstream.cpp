// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as a watch stream, fed in two chunks split in the middle as a network would.
#include "kube/watchjob.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using Specula::Kube::ResourceKind;
    using Specula::Kube::WatchJob;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QByteArray buffer = bytes.left(bytes.size() / 2);
    (void)WatchJob::consumeLines(ResourceKind::Pod, buffer, QStringLiteral("fuzz"));
    buffer += bytes.mid(bytes.size() / 2);
    (void)WatchJob::consumeLines(ResourceKind::Pod, buffer, QStringLiteral("fuzz"), true);
    return 0;
}
