// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/objectrenderer.h"
#include "sim/objectstore.h"

namespace Specula::Sim {

// Writes a pod's JSON straight into bytes, the same object ObjectRenderer::pod builds, for loading
// large clusters: building 150,000 pods through QJsonObject and QJsonDocument takes over a minute.
class PodJsonWriter
{
public:
    explicit PodJsonWriter(const ObjectRenderer &renderer);

    // The stored form of pod at resourceVersion, ready for ObjectStore::putStored.
    StoredObject render(const PodDesc &pod, quint64 resourceVersion) const;

private:
    const ObjectRenderer &m_renderer;
};

} // namespace Specula::Sim
