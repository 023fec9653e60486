// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QComboBox;
class QToolBar;

namespace Specula::Model {
class ViewState;
}

namespace Specula::Views {

// The pickers of the shared view state, placed on a toolbar: time range (presets and
// "Custom…"), refresh interval, namespace, and Refresh now (Ctrl+R). They follow the state
// when something else changes it (a profile switch).
class ViewStateBar final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewStateBar)

public:
    ViewStateBar(Model::ViewState *state, QToolBar *toolbar);
    ~ViewStateBar() override;

    // The namespaces the cluster has, offered in the namespace picker after "All namespaces".
    void setNamespaces(const QStringList &namespaces);

    QComboBox *rangePicker() const { return m_range; }
    QComboBox *refreshPicker() const { return m_refresh; }
    QComboBox *namespacePicker() const { return m_namespace; }

private:
    void showRange();
    void showRefresh();
    void showNamespace();
    void pickCustomRange();

    Model::ViewState *m_state;
    QComboBox *m_range;
    QComboBox *m_refresh;
    QComboBox *m_namespace;
    QStringList m_namespaces;
};

} // namespace Specula::Views
