// The inventory's two dialogs: add a device in stock (serial number, model) and ship an allocated
// device (carrier, tracking number). Fields are checked as the API checks them; a refusal naming
// a field is shown on that field.
import { ShipDeviceRequest, SerialNo, type DeviceBody } from '@shoudan/contracts';
import { App, Form, Input, Modal, Typography, type ButtonProps, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { schemaRule } from '../shared/rules.ts';
import { useAddDevice, useShipDevice } from './api.ts';

const TRACKING_NO = ShipDeviceRequest.shape.trackingNo;

/** A refusal that names a field of the form goes under that field. */
function showOnField(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.param || !fields.includes(error.param)) return false;
  form.setFields([{ name: error.param, errors: [error.body.message] }]);
  return true;
}

type AddFields = { serialNo: string; model: string };

export function AddDeviceDialog({
  open,
  onClose,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('ops.inventory');
  const { message } = App.useApp();
  const [form] = Form.useForm<AddFields>();
  const [key, setKey] = useState(newIdempotencyKey);
  const add = useAddDevice();
  const submit = (fields: AddFields) =>
    add.mutate(
      { body: { serialNo: fields.serialNo.trim(), model: fields.model.trim() }, key },
      {
        onSuccess: (device) => {
          void message.success(t('added', { serialNo: device.serialNo }));
          setKey(newIdempotencyKey());
          onClose();
        },
        onError: (error) => showOnField(form, error, ['serialNo', 'model']),
      },
    );
  return (
    <Modal
      open={open}
      title={t('addTitle')}
      onCancel={() => {
        add.reset();
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('common:submit')}
      cancelText={t('common:cancel')}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'inventory-add-submit' } as ButtonProps}
      destroyOnHidden
    >
      {add.error && !(add.error instanceof ApiError && add.error.param) ? (
        <ErrorAlert error={add.error} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="serialNo"
          label={t('serialNo')}
          required
          rules={[schemaRule(SerialNo, t('serialNoRule'))]}
        >
          <Input data-testid="inventory-serial-no" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="model"
          label={t('model')}
          rules={[{ required: true, whitespace: true, max: 60, message: t('modelRule') }]}
        >
          <Input data-testid="inventory-model" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ShipFields = { carrier: string; trackingNo: string };

/** Ships `device` with the form's carrier and tracking number, one Idempotency-Key per try. */
function useShip(
  form: FormInstance<ShipFields>,
  device: DeviceBody | undefined,
  onClose: () => void,
) {
  const { t } = useTranslation('ops.inventory');
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdempotencyKey);
  const ship = useShipDevice();
  const submit = (fields: ShipFields) => {
    if (!device) return;
    const body = { carrier: fields.carrier.trim(), trackingNo: fields.trackingNo.trim() };
    ship.mutate(
      { serialNo: device.serialNo, body, key },
      {
        onSuccess: (shipped) => {
          void message.success(t('shipped', { trackingNo: shipped.trackingNo }));
          setKey(newIdempotencyKey());
          onClose();
        },
        onError: (error) => showOnField(form, error, ['carrier', 'trackingNo']),
      },
    );
  };
  return { ship, submit };
}

export function ShipDialog({
  device,
  onClose,
}: {
  readonly device: DeviceBody | undefined;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('ops.inventory');
  const [form] = Form.useForm<ShipFields>();
  const { ship, submit } = useShip(form, device, onClose);
  return (
    <Modal
      open={device !== undefined}
      title={t('shipTitle', { serialNo: device?.serialNo ?? '' })}
      onCancel={() => {
        ship.reset();
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('ship')}
      cancelText={t('common:cancel')}
      confirmLoading={ship.isPending}
      okButtonProps={{ 'data-testid': 'inventory-ship-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('shipHint', { terminalId: device?.terminalId ?? '' })}
      </Typography.Paragraph>
      {ship.error && !(ship.error instanceof ApiError && ship.error.param) ? (
        <ErrorAlert error={ship.error} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="carrier"
          label={t('carrier')}
          rules={[{ required: true, whitespace: true, max: 40, message: t('carrierRule') }]}
        >
          <Input data-testid="inventory-carrier" />
        </Form.Item>
        <Form.Item
          name="trackingNo"
          label={t('trackingNo')}
          required
          rules={[schemaRule(TRACKING_NO, t('trackingNoRule'))]}
        >
          <Input data-testid="inventory-tracking-no" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
