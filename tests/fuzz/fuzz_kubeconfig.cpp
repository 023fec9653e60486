// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as a kubeconfig file: a value or a located Config error, never a crash.
#include "kube/kubeconfigfile.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)Specula::Kube::KubeConfigFile::parse(bytes, QStringLiteral("fuzz.yaml"));
    return 0;
}
