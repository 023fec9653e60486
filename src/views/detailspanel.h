// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

class QModelIndex;

namespace Specula::Model {
struct ClusterSnapshot;
}

namespace Specula::Views {

// Everything the snapshot knows about the item selected in the topology tree: a node's GPUs,
// MIG profiles, resources and SR-IOV state; a device's identity and holders; a PF's NIC and
// VFs; a VF's holder and interface; a pod's requests, devices and why it waits.
class DetailsPanel final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPanel)

public:
    explicit DetailsPanel(QWidget *parent = nullptr);
    ~DetailsPanel() override;

    // `index` is an index of a TopologyModel (or a proxy of one); invalid shows a hint.
    void showItem(const Model::ClusterSnapshot &snapshot, const QModelIndex &index);

private:
    QString m_key; // the item shown, so that an update of the same item keeps the scroll position
};

} // namespace Specula::Views
