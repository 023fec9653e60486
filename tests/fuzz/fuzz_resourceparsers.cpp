// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as a list page of every kind: a value or a Parse error, never a crash.
#include "kube/resourceparsers.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using Specula::Kube::ResourceKind;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    for (auto kind : { ResourceKind::Node, ResourceKind::Pod, ResourceKind::Namespace, ResourceKind::Service,
                       ResourceKind::Event, ResourceKind::SriovNetworkNodeState,
                       ResourceKind::NetworkAttachmentDefinition, ResourceKind::SriovNetworkNodePolicy,
                       ResourceKind::ConfigMap, ResourceKind::ResourceSlice, ResourceKind::ResourceClaim }) {
        (void)Specula::Kube::ResourceParsers::parseList(kind, bytes);
    }
    (void)Specula::Kube::ResourceParsers::peekContinueToken(bytes);
    return 0;
}
