import { Button } from 'antd';

/** The ✕ that removes one row of a list in the market analysis. */
export function RemoveButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <Button danger type="text" onClick={onClick} aria-label={label}>
      ✕
    </Button>
  );
}
