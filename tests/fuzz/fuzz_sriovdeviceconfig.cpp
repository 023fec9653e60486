// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as the SR-IOV device plugin's config.json, alone and as a value of both ConfigMaps
// that carry it: resources or one Parse error, never a crash.
#include "kube/sriovdeviceconfig.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)Specula::Kube::parseSriovDeviceConfig(bytes, QStringLiteral("fuzz"));
    Specula::Kube::ConfigMap configMap;
    configMap.data.insert(QStringLiteral("config.json"), QString::fromUtf8(bytes));
    configMap.data.insert(QStringLiteral("node-1"), QString::fromUtf8(bytes));
    for (const char *name : { "sriovdp-config", "device-plugin-config" }) {
        configMap.meta.name = QString::fromLatin1(name);
        (void)Specula::Kube::sriovDeviceConfigsOf(configMap);
    }
    return 0;
}
