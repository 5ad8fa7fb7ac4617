#pragma once

#include "ConsoleContext.h"
#include "OperatorDirectory.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace otp::models {
class VendorHealthModel;
}

namespace otp::ui {

class ReasonDialog;

// The dashboard's vendor health: per vendor its success rate, timeouts and p95 latency over the
// dashboard's window, and its circuit breaker (closed, open, half-open) with since when and why.
// An admin forces the selected vendor open or closed with a reason (audited). The table sits beside the
// dashboard's vendor table at the same height, the actions in a narrow column beside it: the dashboard
// keeps fitting 1366×768.
class VendorHealthPanel : public QWidget
{
    Q_OBJECT
public:
    VendorHealthPanel(const models::ConsoleContext& context, QWidget* parent = nullptr);

    models::VendorHealthModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPushButton* openButton() const { return m_open; }
    QPushButton* closeButton() const { return m_close; }
    // The last force's result in words (also emitted as resultReady() for the window's status bar).
    QString lastResult() const { return m_lastResult; }

    void setOperator(const models::OperatorInfo& info);
    void refresh(qint64 windowS);
    void selectVendor(const QString& vendor);
    // Asks for the reason to force the selected vendor open (or closed); nullptr when not allowed.
    ReasonDialog* requestForce(bool open);
    void retranslateUi();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void resultReady(const QString& message);

private:
    void updateButtons();
    void fitTable();
    void fitColumns();
    QString selectedVendor() const;

    models::VendorHealthModel* m_model;
    models::OperatorInfo m_operator;
    QTableView* m_table;
    QPushButton *m_open, *m_close;
    QString m_lastResult;
};

} // namespace otp::ui
