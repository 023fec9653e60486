// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as a Multus network-status annotation, under the current and the deprecated key: a
// list or one Parse error, never a crash.
#include "kube/networkstatus.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)Specula::Kube::parseNetworkStatusJson(bytes, QStringLiteral("fuzz"));
    Specula::Kube::ObjectMeta meta;
    meta.name = QStringLiteral("fuzz");
    meta.annotations.insert(QStringLiteral("k8s.v1.cni.cncf.io/networks-status"), QString::fromUtf8(bytes));
    (void)Specula::Kube::parseNetworkStatus(meta);
    return 0;
}
