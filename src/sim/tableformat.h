// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Specula::Sim {

struct ResourceType;
struct StoredObject;

// The meta.k8s.io Table that kubectl asks for: the apiserver's columns for each kind, and rows from the
// cells ObjectStore keeps with every object.
class TableFormat
{
public:
    static QByteArray header(const ResourceType &type);
    static QByteArray row(const ResourceType &type, const StoredObject &object, const QString &includeObject);
    // kubectl's short durations: 45s, 12m, 5h3m, 3d4h, 2y30d.
    static QString humanAge(qint64 seconds);
};

} // namespace Specula::Sim
